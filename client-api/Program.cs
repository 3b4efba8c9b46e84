using System.Text.Json.Serialization;
using MolDash.Api.Auth;
using MolDash.Api.Web;
using MolDash.Api.Endpoints;
using MolDash.Api.Errors;
using MolDash.Api.Health;
using MolDash.Api.Live;
using MolDash.Api.RateLimiting;
using MolDash.Api.Uploads;
using MolDash.ServiceDefaults;
using MolDash.ServiceDefaults.Configuration;
using MolDash.ServiceDefaults.Health;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Dashboard;

// Content (appsettings.json, wwwroot) is found beside the assembly, wherever the process is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddServiceDefaults("moldash-api");

var database = builder.Configuration.GetValidated<DatabaseOptions>(DatabaseOptions.Section);
var cluster = builder.Configuration.GetValidated<OrleansClusterOptions>(OrleansClusterOptions.Section);

builder.UseOrleansClient(client =>
{
    client.Configure<ClusterOptions>(options =>
    {
        options.ClusterId = cluster.ClusterId;
        options.ServiceId = cluster.ServiceId;
    });
    client.UseAdoNetClustering(options =>
    {
        options.Invariant = "Npgsql";
        options.ConnectionString = database.ConnectionString;
    });
    // How soon silos that joined (a replacement for a dead one) become gateways of this API (Orleans:Gateway; default in appsettings.json).
    client.Configure<GatewayOptions>(builder.Configuration.GetSection("Orleans:Gateway"));
    client.AddDashboard();
});

// Npgsql's exceptions cross between silos and to the API (a grain whose state cannot be read while PostgreSQL is
// down fails to activate with one); without this they have no codec and the caller gets a serialization error.
builder.Services.Configure<ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Npgsql"));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddMolDashAuthentication(builder.Configuration);
builder.Services.AddOptions<ExternalLoginOptions>().BindConfiguration(ExternalLoginOptions.Section);
builder.Services.AddMolDashRateLimiting(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    options.SerializerOptions.Converters.Add(new NulFreeStringConverter());
});
builder.Services.AddOpenApi("v1");
builder.Services.AddSignalR().AddJsonProtocol(options =>
    options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddSingleton<JobFeedBridge>();
builder.Services.AddHostedService(services => services.GetRequiredService<JobFeedBridge>());
builder.Services.AddHttpClient<StagingBlobWriter>();
builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: [HealthTags.Ready]);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = DashboardCaching.Apply });
app.UseSwaggerUI(options =>
{
    options.SwaggerEndpoint("/openapi/v1.json", "MolDash API v1");
    options.RoutePrefix = "docs";
    options.DocumentTitle = "MolDash API";
});
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<CallerContextMiddleware>();

app.MapServiceDefaults();
app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
app.MapOrleansDashboard(DashboardPaths.Root).RequireAuthorization(AuthPolicies.Admin).ExcludeFromDescription();

var api = app.MapGroup("/api/v1");
api.MapAuthEndpoints();
api.MapAccountEndpoints();
api.MapExternalAuthEndpoints();
api.MapIdentityProviderEndpoints();
api.MapOrganizationEndpoints();
api.MapAuditEndpoints();
api.MapUserEndpoints();
api.MapInvitationEndpoints();
api.MapTaskEndpoints();
api.MapServiceRegistrationEndpoints();
api.MapTaskRunEndpoints();
api.MapJobEndpoints();
api.MapArtifactEndpoints();
api.MapPipelineEndpoints();
api.MapCacheEndpoints();
api.MapScheduleEndpoints();
app.MapHub<JobsHub>(HubPaths.Jobs);

app.Run();

using System.Net;
using MolDash.Grains;
using MolDash.Grains.Access;
using MolDash.Grains.Hosting;
using MolDash.Grains.Identity.Passwords;
using MolDash.Grains.Identity.Sessions;
using MolDash.Grains.Identity.Throttling;
using MolDash.Grains.Invitations;
using MolDash.Grains.Jobs;
using MolDash.Grains.Persistence;
using MolDash.Grains.Storage;
using MolDash.Grains.TaskServices.Kubernetes;
using MolDash.ServiceDefaults;
using MolDash.ServiceDefaults.Configuration;
using MolDash.ServiceDefaults.Health;
using MolDash.Silo.Configuration;
using MolDash.Silo.Health;
using MolDash.Silo.Startup;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Dashboard;

// Content (appsettings.json, wwwroot) is found beside the assembly, wherever the process is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddServiceDefaults("moldash-silo");

var database = builder.Configuration.GetValidated<DatabaseOptions>(DatabaseOptions.Section);
var cluster = builder.Configuration.GetValidated<OrleansClusterOptions>(OrleansClusterOptions.Section);
var endpoints = builder.Configuration.GetValidated<SiloEndpointOptions>(SiloEndpointOptions.Section);

builder.Services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
builder.Services.AddValidatedOptions<DatabaseStartupOptions>(DatabaseStartupOptions.Section);
builder.Services.AddValidatedOptions<RootAccountOptions>(RootAccountOptions.Section);
builder.Services.AddValidatedOptions<BlobStorageOptions>(BlobStorageOptions.Section);
builder.Services.AddValidatedOptions<LoginThrottleOptions>(LoginThrottleOptions.Section);
builder.Services.AddValidatedOptions<RefreshTokenOptions>(RefreshTokenOptions.Section);
builder.Services.AddValidatedOptions<PasswordPolicyOptions>(PasswordPolicyOptions.Section);
builder.Services.AddValidatedOptions<PasswordResetOptions>(PasswordResetOptions.Section);
builder.Services.AddValidatedOptions<InvitationOptions>(InvitationOptions.Section);
var tunedConnectionString = PostgresConnectionTuning.Apply(database.ConnectionString);
builder.Services.AddMolDashGrainServices(tunedConnectionString);
// Task-service instances from the task Services' EndpointSlices (TaskServices:Kubernetes:Enabled; off by default).
builder.Services.AddKubernetesTaskDiscovery(builder.Configuration);
var jobs = builder.Configuration.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions();

// Npgsql's exceptions cross between silos and to the API (a grain whose state cannot be read while PostgreSQL is
// down fails to activate with one); without this they have no codec and the caller gets a serialization error.
builder.Services.Configure<ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Npgsql"));
// Registered before UseOrleans so it finishes before the silo starts: the providers need the schema.
builder.Services.AddHostedService<MetadataDatabaseInitializer>();

builder.UseOrleans(silo =>
{
    silo.Configure<ClusterOptions>(options =>
    {
        options.ClusterId = cluster.ClusterId;
        options.ServiceId = cluster.ServiceId;
    });
    if (endpoints.Name.Length > 0)
    {
        silo.Configure<SiloOptions>(options => options.SiloName = endpoints.Name);
    }
    silo.ConfigureEndpoints(
        IPAddress.Parse(endpoints.AdvertisedAddress),
        endpoints.SiloPort,
        endpoints.GatewayPort,
        listenOnAnyHostAddress: endpoints.ListenOnAnyAddress);
    silo.UseAdoNetClustering(options =>
    {
        options.Invariant = "Npgsql";
        options.ConnectionString = tunedConnectionString;
    });
    silo.AddAdoNetGrainStorage(GrainStorageNames.Default, options =>
    {
        options.Invariant = "Npgsql";
        options.ConnectionString = tunedConnectionString;
    });
    silo.UseAdoNetReminderService(options =>
    {
        options.Invariant = "Npgsql";
        options.ConnectionString = tunedConnectionString;
    });
    // The job watchdog may tick faster than Orleans' default minimum (tests and small clusters recover sooner).
    silo.Configure<ReminderOptions>(options =>
        options.MinimumReminderPeriod = TimeSpan.FromTicks(Math.Min(options.MinimumReminderPeriod.Ticks, jobs.WatchdogPeriod.Ticks)));
    // How soon a silo that stopped answering is declared dead and its grains move to the others (Orleans:Membership;
    // production defaults in appsettings.json, measured in docs/reliability.md).
    silo.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Orleans:Membership"));
    // Idle activations are collected after CollectionAge (Orleans' default unless configured).
    silo.Configure<GrainCollectionOptions>(builder.Configuration.GetSection("GrainCollection"));
    // Outermost: a database outage anywhere in a call, access checks included, is a 503 to retry.
    silo.AddIncomingGrainCallFilter<DatabaseOutageFilter>();
    silo.AddIncomingGrainCallFilter<GrainAccessFilter>();
    // The dashboard samples every counter of the silo (Orleans:Dashboard:CounterUpdateIntervalMs): each sample takes
    // tens of milliseconds of CPU and garbage, which showed as a burst of slow requests after every sample.
    silo.AddDashboard(options => builder.Configuration.GetSection("Orleans:Dashboard").Bind(options));
});

builder.Services.AddHealthChecks()
    .AddCheck<SiloMembershipHealthCheck>("silo", tags: [HealthTags.Ready])
    .AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready]);

var app = builder.Build();
app.MapServiceDefaults();
app.Run();

using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using MolDash.Docking.Docking;
using MolDash.Docking.Endpoints;
using MolDash.Docking.Jobs;
using MolDash.Docking.Molecules;
using MolDash.Docking.Operations;
using MolDash.Docking.Operations.Dock;
using MolDash.Docking.Operations.PrepareLigand;
using MolDash.Docking.Operations.PrepareReceptor;
using MolDash.Docking.Operations.Properties;
using MolDash.Docking.Processes;
using MolDash.Docking.Scheduling;
using MolDash.Docking.Telemetry;
using MolDash.TaskServices.Registration;
using OpenTelemetry.Metrics;

namespace MolDash.Docking.Hosting;

/// <summary>Builds the service; Program, the tests and the benchmark all host it through here.</summary>
public static class DockingApplication
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Content (appsettings.json) is found beside the assembly, wherever the process is started from.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        builder.Services.AddOptions<DockingOptions>()
            .BindConfiguration(DockingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<DockingOptions>>(
            (kestrel, docking) => kestrel.Limits.MaxRequestBodySize = docking.Value.MaxRequestBytes);
        builder.Services.AddOptions<DockingJsonOptions>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DockingExceptionHandler>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DockingMetrics>();
        builder.Services.AddSingleton<ProcessRunner>();
        builder.Services.AddSingleton<OpenBabel>();
        builder.Services.AddSingleton<RdkitConformer>();
        builder.Services.AddSingleton<Vina>();
        builder.Services.AddSingleton<EngineVersions>();
        builder.Services.AddSingleton<DockingSlots>();
        builder.Services.AddSingleton<ProblemFactory>();
        builder.Services.AddSingleton<JobStore>();
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddSingleton<TaskExecutor>();
        builder.Services.AddSingleton<ReceptorPreparer>();
        builder.Services.AddSingleton<LigandPreparer>();
        builder.Services.AddSingleton<PropertiesCalculator>();
        builder.Services.AddSingleton<PrepareReceptorOperation>();
        builder.Services.AddSingleton<PrepareLigandOperation>();
        builder.Services.AddSingleton<DockOperation>();
        builder.Services.AddSingleton<PropertiesOperation>();
        // Off unless PlatformRegistration:Url is set: then it registers itself with its service key and keeps its lease.
        builder.Services.AddPlatformRegistration();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(DockingMetrics.MeterName)
            .AddPrometheusExporter());
        configure?.Invoke(builder);

        var app = builder.Build();
        Directory.CreateDirectory(app.Services.GetRequiredService<IOptions<DockingOptions>>().Value.WorkDirectory);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLogScope>();
        app.MapTaskEndpoints();
        app.MapJobEndpoints();
        app.MapHealthEndpoints();
        app.MapOpenApiDocument();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}

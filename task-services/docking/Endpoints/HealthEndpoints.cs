using Microsoft.Extensions.Options;
using MolDash.Docking.Docking;
using MolDash.Docking.Hosting;
using MolDash.Docking.Molecules;
using MolDash.Docking.Processes;

namespace MolDash.Docking.Endpoints;

/// <summary>/healthz: the process answers. /readyz: both engines answer their version query.</summary>
public static class HealthEndpoints
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "healthy" })).WithTags("health");
        app.MapGet("/readyz", ReadyAsync).WithTags("health");
        return app;
    }

    private static async Task<IResult> ReadyAsync(Vina vina, OpenBabel openBabel, IOptions<DockingOptions> options, ILoggerFactory loggers)
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        var work = options.Value.WorkDirectory;
        try
        {
            var vinaVersion = await vina.VersionAsync(work, timeout.Token);
            var openBabelVersion = await openBabel.VersionAsync(work, timeout.Token);
            return TypedResults.Ok(new { status = "ready", vina = vinaVersion, openBabel = openBabelVersion });
        }
        catch (Exception e) when (e is ToolFailedException or OperationCanceledException)
        {
            loggers.CreateLogger(typeof(HealthEndpoints)).LogWarning("Not ready: {Reason}", e.Message);
            return TypedResults.Problem(
                title: "The docking engines are not available.",
                detail: e is ToolFailedException tool ? $"{tool.Tool}: {tool.Reason}." : "The engines did not answer in time.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                type: "https://moldash.dev/problems/not-ready");
        }
    }
}

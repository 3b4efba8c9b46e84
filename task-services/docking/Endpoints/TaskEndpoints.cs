using MolDash.Docking.Jobs;
using MolDash.Docking.Operations.Dock;
using MolDash.Docking.Operations.PrepareLigand;
using MolDash.Docking.Operations.PrepareReceptor;
using MolDash.Docking.Operations.Properties;

namespace MolDash.Docking.Endpoints;

/// <summary>The four POST tasks of the service (see OpenApi/openapi.json for their contracts).</summary>
public static class TaskEndpoints
{
    public static IEndpointRouteBuilder MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("").WithTags("tasks");
        tasks.MapPost("/prepare-receptor", (HttpContext http, TaskExecutor executor, PrepareReceptorOperation operation) => executor.ExecuteAsync(http, operation));
        tasks.MapPost("/prepare-ligand", (HttpContext http, TaskExecutor executor, PrepareLigandOperation operation) => executor.ExecuteAsync(http, operation));
        tasks.MapPost("/dock", (HttpContext http, TaskExecutor executor, DockOperation operation) => executor.ExecuteAsync(http, operation));
        tasks.MapPost("/properties", (HttpContext http, TaskExecutor executor, PropertiesOperation operation) => executor.ExecuteAsync(http, operation));
        return app;
    }
}

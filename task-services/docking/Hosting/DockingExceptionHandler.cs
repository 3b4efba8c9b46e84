using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using MolDash.Docking.Jobs;

namespace MolDash.Docking.Hosting;

/// <summary>Failures before a job starts (bad body, full queue, reused key) become the same ProblemDetails a job gives.</summary>
public sealed class DockingExceptionHandler(ProblemFactory problems, IOptions<DockingJsonOptions> json) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        await new OutcomeResult(problems.FromException(exception), json.Value.Serializer).ExecuteAsync(httpContext);
        return true;
    }
}

using MolDash.Docking.Validation;

namespace MolDash.Docking.Jobs;

/// <summary>One POST task of the service: validates its input, then runs it inside a job.</summary>
public interface ITaskOperation<in TRequest>
{
    /// <summary>Name used in the route, the logs and the metrics, e.g. "dock".</summary>
    string Name { get; }

    /// <summary>Adds every field error to <paramref name="errors"/>; returns how many docking slots' worth of work (ligands) it needs.</summary>
    int Validate(TRequest request, InputErrors errors);

    /// <summary>Whether this input is big enough to answer 202 even when the caller did not ask for it.</summary>
    bool RunsLong(TRequest request);

    Task<object> RunAsync(TRequest request, TaskRunContext context);
}

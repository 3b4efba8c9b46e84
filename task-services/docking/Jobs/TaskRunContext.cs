using MolDash.Docking.Processes;
using MolDash.Docking.Scheduling;

namespace MolDash.Docking.Jobs;

/// <summary>What an operation gets for one run: its job, its scratch folder, its queue places.</summary>
public sealed record TaskRunContext(Job Job, ScratchDirectory Scratch, SlotAdmission? Admission, CancellationToken CancellationToken)
{
    public SlotAdmission Slots => Admission ?? throw new InvalidOperationException("This operation was admitted without slots.");
}

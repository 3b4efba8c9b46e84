namespace MolDash.Docking.Docking;

/// <summary>
/// Pose confidence of the best pose: the share of the next-ranked poses (ranks 2–5) whose Vina RMSD
/// lower bound to the best pose is at most 2 Å. A search that keeps finding the same binding mode
/// among its best alternatives (1.0) is more trustworthy than one whose runners-up all sit elsewhere
/// (0.0). With a single pose there is nothing to agree with, and the confidence is 0.
/// </summary>
public static class PoseConfidence
{
    public const int ComparedPoses = 4;
    public const double AgreementRmsd = 2.0;

    public static double Of(IReadOnlyList<VinaPose> poses)
    {
        var others = poses.Skip(1).Take(ComparedPoses).ToList();
        return others.Count == 0 ? 0 : Math.Round(others.Count(p => p.RmsdLowerBound <= AgreementRmsd) / (double)others.Count, 2);
    }
}

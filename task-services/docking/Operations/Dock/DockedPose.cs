namespace MolDash.Docking.Operations.Dock;

public sealed record DockedPose(int Rank, double Affinity, double RmsdLowerBound, double RmsdUpperBound, string Sdf, string Pdbqt);

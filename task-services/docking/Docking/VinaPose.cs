namespace MolDash.Docking.Docking;

/// <summary>One pose from Vina's output: affinity (kcal/mol), RMSD bounds to the best pose (Å), its PDBQT model.</summary>
public sealed record VinaPose(int Rank, double Affinity, double RmsdLowerBound, double RmsdUpperBound, string Pdbqt);

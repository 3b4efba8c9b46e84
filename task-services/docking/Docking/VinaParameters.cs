namespace MolDash.Docking.Docking;

public sealed record VinaParameters(int Exhaustiveness, int NumModes, double EnergyRange, int Seed, string Scoring, int Cpu);

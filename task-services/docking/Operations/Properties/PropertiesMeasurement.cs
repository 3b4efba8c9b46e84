namespace MolDash.Docking.Operations.Properties;

public sealed record PropertiesMeasurement(
    string CanonicalSmiles,
    string Formula,
    double MolecularWeight,
    double LogP,
    double Tpsa,
    int HydrogenBondDonors,
    int HydrogenBondAcceptors,
    int RotatableBonds,
    int HeavyAtoms,
    int FormalCharge)
{
    /// <summary>Rule of five: MW &gt; 500, logP &gt; 5, more than 5 donors, more than 10 acceptors.</summary>
    public int LipinskiViolations =>
        (MolecularWeight > 500 ? 1 : 0) + (LogP > 5 ? 1 : 0) + (HydrogenBondDonors > 5 ? 1 : 0) + (HydrogenBondAcceptors > 10 ? 1 : 0);
}

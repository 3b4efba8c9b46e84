namespace MolDash.Docking.Operations.Properties;

public sealed record PropertiesResponse(
    string CanonicalSmiles,
    string Formula,
    double MolecularWeight,
    double LogP,
    double Tpsa,
    int HydrogenBondDonors,
    int HydrogenBondAcceptors,
    int RotatableBonds,
    int HeavyAtoms,
    int FormalCharge,
    int LipinskiViolations,
    Provenance Provenance);

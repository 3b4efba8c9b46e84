namespace MolDash.Docking.Molecules;

public readonly record struct Atom(string Element, double X, double Y, double Z);

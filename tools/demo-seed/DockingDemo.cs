namespace MolDash.DemoSeed;

/// <summary>
/// The demo's docking tasks (operations of the docking service) and the pipeline built from them:
/// prepare receptor → prepare ligand → dock into the 1UW6 pocket → properties of the best pose.
/// </summary>
public static class DockingDemo
{
    public const string PipelineName = "dock-library";
    public const string Version = "1.0.0";

    /// <summary>Task name → operation of the docking service's OpenAPI document.</summary>
    public static readonly IReadOnlyList<(string Task, string Operation, string Description)> Tasks =
    [
        ("prepare-receptor", "prepareReceptor", "Protonate a receptor and convert it to PDBQT (Open Babel)."),
        ("prepare-ligand", "prepareLigand", "Build a 3D ligand from SMILES or a file and convert it to PDBQT (RDKit, Open Babel)."),
        ("dock", "dock", "Dock ligands into a receptor's box with AutoDock Vina; poses ranked by affinity."),
        ("properties", "properties", "Molecular properties of a molecule (weight, logP, H-bond donors and acceptors)."),
    ];

    public static object Pipeline() => new
    {
        name = PipelineName,
        description = "Dock a ligand library into the nicotine pocket of 1UW6 and rank the poses.",
        category = "docking",
        tags = new[] { "demo", "vina" },
        visibility = "Org",
        graph = Graph(),
    };

    private static object Graph() => new
    {
        nodes = new object[]
        {
            new { id = "receptor", taskName = "prepare-receptor", taskVersion = Version },
            new { id = "ligand", taskName = "prepare-ligand", taskVersion = Version },
            new
            {
                id = "dock",
                taskName = "dock",
                taskVersion = Version,
                parametersJson = """
                    { "receptorFormat": "pdbqt", "ligandFormat": "pdbqt", "center": { "x": 83.686, "y": 69.618, "z": -10.349 },
                      "size": { "x": 20, "y": 20, "z": 20 }, "exhaustiveness": 4, "numModes": 5 }
                    """,
            },
            new { id = "props", taskName = "properties", taskVersion = Version, parametersJson = """{ "moleculeFormat": "sdf" }""" },
        },
        edges = new object[]
        {
            new { fromNode = "receptor", fromPointer = "/pdbqt", toNode = "dock", toPointer = "/receptor" },
            new { fromNode = "ligand", fromPointer = "/pdbqt", toNode = "dock", toPointer = "/ligand" },
            new { fromNode = "dock", fromPointer = "/results/0/poses/0/sdf", toNode = "props", toPointer = "/molecule" },
        },
        inputs = new object[]
        {
            new { name = "receptor", targets = new[] { new { nodeId = "receptor", pointer = "/receptor" } } },
            new { name = "ligand", targets = new[] { new { nodeId = "ligand", pointer = "/ligand" } } },
        },
    };
}

using System.Text.Json;

namespace MolDash.Testing;

/// <summary>The docking pipeline's graph as the docking service's tasks make it, for tests that publish it.</summary>
public static class DockingPipelineGraph
{
    /// <summary>
    /// prepare-receptor and prepare-ligand (PDBQT) into dock (a quick search: exhaustiveness 1, 3 poses), its best pose (SDF)
    /// into properties; the inputs are "receptor" and "ligand". Task versions 1.0.0, as <see cref="TaskRegistration"/> registers them.
    /// </summary>
    /// <param name="center">The search box's center ({ x, y, z } in Å).</param>
    /// <param name="size">The search box's size ({ x, y, z } in Å).</param>
    public static object Create(object center, object size)
    {
        var dock = JsonSerializer.Serialize(new
        {
            receptorFormat = "pdbqt",
            ligandFormat = "pdbqt",
            center,
            size,
            exhaustiveness = 1,
            numModes = 3,
        });
        return new
        {
            nodes = new object[]
            {
                new { id = "receptor", taskName = "prepare-receptor", taskVersion = "1.0.0" },
                new { id = "ligand", taskName = "prepare-ligand", taskVersion = "1.0.0" },
                new { id = "dock", taskName = "dock", taskVersion = "1.0.0", parametersJson = dock },
                new { id = "props", taskName = "properties", taskVersion = "1.0.0", parametersJson = """{ "moleculeFormat": "sdf" }""" },
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
}

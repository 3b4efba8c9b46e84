using System.Text.RegularExpressions;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Jobs;

namespace MolDash.Grains.Jobs;

/// <summary>The structural rules every job's graph keeps, whoever built it: known, unique node ids and no cycles.</summary>
public static partial class JobGraphRules
{
    /// <summary>Whether <paramref name="id"/> is a valid node id: 1 to 64 letters, digits, '.', '_' or '-'.</summary>
    public static bool IsNodeId(string? id) => NodeIdPattern().IsMatch(id ?? "");

    public static List<FieldError> Check(IReadOnlyList<JobNode> nodes, int maxNodes)
    {
        var errors = new List<FieldError>();
        if (nodes.Count == 0)
        {
            errors.Add(new FieldError("/nodes", "A job needs at least one node."));
            return errors;
        }

        if (nodes.Count > maxNodes)
        {
            errors.Add(new FieldError("/nodes", $"A job may have at most {maxNodes} nodes; this one has {nodes.Count}."));
            return errors;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (!NodeIdPattern().IsMatch(nodes[i].Id ?? ""))
            {
                errors.Add(new FieldError($"/nodes/{i}/id", "A node id is 1 to 64 letters, digits, '.', '_' or '-'."));
            }
            else if (!ids.Add(nodes[i].Id))
            {
                errors.Add(new FieldError($"/nodes/{i}/id", $"The node id '{nodes[i].Id}' is used twice."));
            }
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            for (var j = 0; j < nodes[i].Inputs.Count; j++)
            {
                var input = nodes[i].Inputs[j];
                var at = $"/nodes/{i}/inputs/{j}";
                if (!ids.Contains(input.FromNode) || input.FromNode == nodes[i].Id)
                {
                    errors.Add(new FieldError(at + "/fromNode", $"'{input.FromNode}' is not another node of this job."));
                }

                if (input.FromPointer.Length > 0 && input.FromPointer[0] != '/')
                {
                    errors.Add(new FieldError(at + "/fromPointer", "A JSON pointer into the output: empty for all of it, or starting with '/'."));
                }

                if (input.ToPointer.Length == 0 || input.ToPointer[0] != '/')
                {
                    errors.Add(new FieldError(at + "/toPointer", "A JSON pointer into the parameters, starting with '/'."));
                }
            }
        }

        if (errors.Count == 0 && FindCycle(nodes) is { } cycle)
        {
            errors.Add(new FieldError("/nodes", $"The graph has a cycle: {string.Join(" → ", cycle)}."));
        }

        return errors;
    }

    /// <summary>A cycle as its node ids (first repeated last), or null when the graph is acyclic.</summary>
    private static List<string>? FindCycle(IReadOnlyList<JobNode> nodes)
    {
        var upstream = nodes.ToDictionary(node => node.Id, node => node.Inputs.Select(input => input.FromNode).Distinct().ToList(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();

        List<string>? Visit(string id)
        {
            state[id] = 1;
            path.Add(id);
            foreach (var next in upstream[id])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var cycle = path[path.IndexOf(next)..];
                    cycle.Add(next);
                    cycle.Reverse();
                    return cycle;
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            state[id] = 2;
            path.RemoveAt(path.Count - 1);
            return null;
        }

        return nodes.Select(node => state.GetValueOrDefault(node.Id) == 0 ? Visit(node.Id) : null).FirstOrDefault(cycle => cycle is not null);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NodeIdPattern();
}

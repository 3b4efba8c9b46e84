using System.Globalization;
using MolDash.GrainInterfaces.Jobs;

namespace MolDash.Grains.Pipelines;

/// <summary>
/// Lays a pipeline's runs over a library out as one job. A step whose parameters are the same for every
/// item, and whose upstream steps are too, runs once and is shared (a receptor prepared once for all
/// ligands); every other step runs per item as "item-{i}.{step}". Every node continues on failure, so a
/// bad item skips only its own later steps and the others go on.
/// </summary>
public static class PipelineBatchPlanner
{
    /// <param name="items">Each item's planned nodes: the same node ids in the same order for every item.</param>
    public static IReadOnlyList<JobNode> Plan(IReadOnlyList<IReadOnlyList<JobNode>> items)
    {
        var shared = SharedNodeIds(items);
        var width = (items.Count - 1).ToString(CultureInfo.InvariantCulture).Length;
        string IdIn(int item, string nodeId) => shared.Contains(nodeId)
            ? nodeId
            : $"item-{item.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')}.{nodeId}";

        var nodes = new List<JobNode>();
        nodes.AddRange(items[0].Where(node => shared.Contains(node.Id)).Select(node => node with { ContinueOnFailure = true }));
        for (var i = 0; i < items.Count; i++)
        {
            var item = i;
            nodes.AddRange(items[i].Where(node => !shared.Contains(node.Id)).Select(node => node with
            {
                Id = IdIn(item, node.Id),
                Inputs = node.Inputs.Select(input => input with { FromNode = IdIn(item, input.FromNode) }).ToList(),
                ContinueOnFailure = true,
                Item = item,
            }));
        }

        return nodes;
    }

    /// <summary>The steps every item would run alike; none when that is all of them (one item, or identical items), so each item keeps its own.</summary>
    private static HashSet<string> SharedNodeIds(IReadOnlyList<IReadOnlyList<JobNode>> items)
    {
        var first = items[0];
        var shared = first
            .Where((node, k) => items.All(item => item[k].ParametersJson == node.ParametersJson))
            .Select(node => node.Id)
            .ToHashSet(StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = shared.RemoveWhere(id => first.First(node => node.Id == id).Inputs.Any(input => !shared.Contains(input.FromNode))) > 0;
        }
        while (changed);

        return shared.Count == first.Count ? [] : shared;
    }
}

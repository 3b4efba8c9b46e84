using System.Text.Json;
using System.Text.Json.Nodes;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.Grains.Registry;

namespace MolDash.Grains.Pipelines;

/// <summary>
/// What changed between two pipeline graphs, for people: nodes matched by id, inputs by name, edges by
/// all their fields. Values compare as canonical JSON, so 8 and 8.0 are no change.
/// </summary>
public static class PipelineDiffer
{
    public static PipelineDiff Diff(PipelineGraph from, PipelineGraph to)
    {
        var before = FirstById(from.Nodes);
        var after = FirstById(to.Nodes);
        var oldEdges = from.Edges.ToHashSet();
        var newEdges = to.Edges.ToHashSet();
        var oldInputs = from.Inputs.DistinctBy(input => input.Name).ToDictionary(input => input.Name, StringComparer.Ordinal);
        var newInputs = to.Inputs.DistinctBy(input => input.Name).ToDictionary(input => input.Name, StringComparer.Ordinal);
        return new PipelineDiff
        {
            NodesAdded = [.. after.Keys.Where(id => !before.ContainsKey(id))],
            NodesRemoved = [.. before.Keys.Where(id => !after.ContainsKey(id))],
            NodesChanged = [.. after
                .Where(node => before.ContainsKey(node.Key))
                .Select(node => new PipelineNodeChange(node.Key, NodeChanges(before[node.Key], node.Value)))
                .Where(change => change.Changes.Count > 0)],
            EdgesAdded = [.. to.Edges.Where(edge => !oldEdges.Contains(edge)).Distinct()],
            EdgesRemoved = [.. from.Edges.Where(edge => !newEdges.Contains(edge)).Distinct()],
            InputsAdded = [.. newInputs.Keys.Where(name => !oldInputs.ContainsKey(name))],
            InputsRemoved = [.. oldInputs.Keys.Where(name => !newInputs.ContainsKey(name))],
            InputsChanged = [.. newInputs.Values
                .Where(input => oldInputs.ContainsKey(input.Name))
                .SelectMany(input => InputChanges(oldInputs[input.Name], input))],
        };
    }

    /// <summary>Insertion-ordered nodes by id; a draft with a repeated id is compared by its first use.</summary>
    private static Dictionary<string, PipelineNode> FirstById(IReadOnlyList<PipelineNode> nodes)
    {
        var byId = new Dictionary<string, PipelineNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            byId.TryAdd(node.Id, node);
        }

        return byId;
    }

    private static List<string> NodeChanges(PipelineNode before, PipelineNode after)
    {
        var changes = new List<string>();
        if (before.TaskName != after.TaskName)
        {
            changes.Add($"task {before.TaskName} {before.TaskVersion} → {after.TaskName} {after.TaskVersion}");
        }
        else if (before.TaskVersion != after.TaskVersion)
        {
            changes.Add($"task {after.TaskName} {before.TaskVersion} → {after.TaskVersion}");
        }

        if (TryParse(before.ParametersJson, out var oldParameters) && TryParse(after.ParametersJson, out var newParameters))
        {
            CompareValues(oldParameters, newParameters, "", changes);
        }
        else if (before.ParametersJson != after.ParametersJson)
        {
            changes.Add($"parameters: {before.ParametersJson} → {after.ParametersJson}");
        }

        if (before.ContinueOnFailure != after.ContinueOnFailure)
        {
            changes.Add($"continueOnFailure: {Lower(before.ContinueOnFailure)} → {Lower(after.ContinueOnFailure)}");
        }

        return changes;
    }

    /// <summary>Objects are compared field by field, so a change names the parameter; anything else as a whole.</summary>
    private static void CompareValues(JsonNode? before, JsonNode? after, string at, List<string> changes)
    {
        if (before is JsonObject oldObject && after is JsonObject newObject)
        {
            foreach (var (name, value) in oldObject)
            {
                var field = JsonPointer.Append(at, name);
                if (newObject.TryGetPropertyValue(name, out var newValue))
                {
                    CompareValues(value, newValue, field, changes);
                }
                else
                {
                    changes.Add($"parameter {field} removed (was {CanonicalJson.Write(value)})");
                }
            }

            foreach (var (name, value) in newObject.Where(property => !oldObject.ContainsKey(property.Key)))
            {
                changes.Add($"parameter {JsonPointer.Append(at, name)} added: {CanonicalJson.Write(value)}");
            }

            return;
        }

        var oldText = CanonicalJson.Write(before);
        var newText = CanonicalJson.Write(after);
        if (oldText != newText)
        {
            changes.Add($"parameter {(at.Length == 0 ? "(all)" : at)}: {oldText} → {newText}");
        }
    }

    /// <summary>Each as "name: what changed", the name first so a UI can mark the input.</summary>
    private static IEnumerable<string> InputChanges(PipelineInput before, PipelineInput after)
    {
        var oldTargets = Targets(before);
        var newTargets = Targets(after);
        if (oldTargets != newTargets)
        {
            yield return $"{after.Name}: targets {oldTargets} → {newTargets}";
        }

        if (before.Label != after.Label)
        {
            yield return $"{after.Name}: label {before.Label ?? "(none)"} → {after.Label ?? "(none)"}";
        }

        if (before.Description != after.Description)
        {
            yield return $"{after.Name}: description changed";
        }

        var oldDefault = DefaultText(before);
        var newDefault = DefaultText(after);
        if (oldDefault != newDefault)
        {
            yield return $"{after.Name}: default {oldDefault} → {newDefault}";
        }
    }

    private static string Targets(PipelineInput input) =>
        string.Join(", ", input.Targets.Select(target => $"{target.NodeId}{target.Pointer}"));

    private static string DefaultText(PipelineInput input) =>
        input.DefaultJson is null ? "(none, required)" : TryParse(input.DefaultJson, out var value) ? CanonicalJson.Write(value) : input.DefaultJson;

    private static bool TryParse(string json, out JsonNode? value)
    {
        try
        {
            value = JsonNode.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            value = null;
            return false;
        }
    }

    private static string Lower(bool value) => value ? "true" : "false";
}

using System.Text.Json.Nodes;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.Grains.Jobs;
using MolDash.Grains.TaskServices;

namespace MolDash.Grains.Pipelines;

/// <summary>
/// The cache key of a pipeline run: the SHA-256 of the canonical JSON of the pipeline's graph, each task
/// version's definition hash and the inputs, with every artifact reference ("artifact:{id}") standing as
/// its content checksum, so the same molecule uploaded twice gives the same signature.
/// </summary>
public static class InputSignature
{
    /// <param name="inputsJson">The run's inputs by name with the defaults applied (see <see cref="PipelineInputs.WithDefaults"/>).</param>
    /// <param name="artifactChecksums">The content checksum (hex SHA-256) of every artifact named in the inputs or fixed parameters.</param>
    /// <param name="graphHash">The graph's hash when it is known already (<see cref="HashGraph"/>).</param>
    /// <exception cref="ArgumentException">A task version or an artifact checksum is missing.</exception>
    public static SignatureExplanation Compute(
        PipelineGraph graph, IReadOnlyDictionary<string, PipelineTask> tasks, string inputsJson, IReadOnlyDictionary<Guid, string> artifactChecksums, GraphHash? graphHash = null) =>
        Compute(graph, tasks, "inputs", used => ByChecksum(JsonNode.Parse(inputsJson), artifactChecksums, used), graphHash ?? HashGraph(graph, artifactChecksums));

    /// <summary>
    /// The key of a batch: the same as a run's, with the items' inputs (in order) where a run has its inputs,
    /// under another name so that no run's inputs can give a batch's signature.
    /// </summary>
    public static SignatureExplanation ComputeBatch(
        PipelineGraph graph, IReadOnlyDictionary<string, PipelineTask> tasks, IReadOnlyList<string> itemsJson, IReadOnlyDictionary<Guid, string> artifactChecksums, GraphHash? graphHash = null) =>
        Compute(graph, tasks, "items", used => new JsonArray([.. itemsJson.Select(item => ByChecksum(JsonNode.Parse(item), artifactChecksums, used))]), graphHash ?? HashGraph(graph, artifactChecksums));

    /// <summary>The graph's part of the signature: <see cref="PipelineHash"/> and the artifact checksums it used.</summary>
    /// <exception cref="ArgumentException">An artifact checksum is missing.</exception>
    public static GraphHash HashGraph(PipelineGraph graph, IReadOnlyDictionary<Guid, string> artifactChecksums)
    {
        var used = new Dictionary<Guid, string>();
        return new GraphHash(PipelineHash(graph, artifactChecksums, used), used);
    }

    /// <param name="inputs">The inputs part, its artifact references replaced by checksums (each one it uses noted in the dictionary it is given).</param>
    private static SignatureExplanation Compute(
        PipelineGraph graph, IReadOnlyDictionary<string, PipelineTask> tasks, string inputsName, Func<Dictionary<Guid, string>, JsonNode?> inputs, GraphHash graphHash)
    {
        var used = new Dictionary<Guid, string>(graphHash.ArtifactChecksums);
        var pipelineHash = graphHash.Hash;
        var taskHashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            var key = PipelineTask.KeyOf(node.TaskName, node.TaskVersion);
            taskHashes[key] = tasks.TryGetValue(key, out var task)
                ? task.DefinitionHash
                : throw new ArgumentException($"The task version {key} of node '{node.Id}' is not among the tasks given.", nameof(tasks));
        }

        var taskObject = new JsonObject();
        foreach (var (key, hash) in taskHashes)
        {
            taskObject[key] = hash;
        }

        var canonical = CanonicalJson.Write(new JsonObject
        {
            ["pipeline"] = pipelineHash,
            ["tasks"] = taskObject,
            [inputsName] = inputs(used),
        });
        return new SignatureExplanation
        {
            Signature = CanonicalJson.Sha256(canonical),
            CanonicalJson = canonical,
            PipelineHash = pipelineHash,
            TaskHashes = new Dictionary<string, string>(taskHashes, StringComparer.Ordinal),
            ArtifactChecksums = used,
        };
    }

    /// <summary>
    /// The hash of what the graph computes: nodes, edges and input targets, each set sorted so that their
    /// order in the definition does not matter. Labels, descriptions and defaults are left out (defaults are
    /// in the inputs the signature hashes).
    /// </summary>
    public static string PipelineHash(PipelineGraph graph, IReadOnlyDictionary<Guid, string> artifactChecksums, Dictionary<Guid, string> used)
    {
        var nodes = new JsonArray([.. graph.Nodes.OrderBy(node => node.Id, StringComparer.Ordinal).Select(node => new JsonObject
        {
            ["id"] = node.Id,
            ["task"] = node.TaskName,
            ["version"] = node.TaskVersion,
            ["parameters"] = ByChecksum(JsonNode.Parse(node.ParametersJson), artifactChecksums, used),
            ["continueOnFailure"] = node.ContinueOnFailure,
        })]);
        var edges = Sorted(graph.Edges.Select(edge => new JsonObject
        {
            ["fromNode"] = edge.FromNode,
            ["fromPointer"] = edge.FromPointer,
            ["toNode"] = edge.ToNode,
            ["toPointer"] = edge.ToPointer,
        }));
        var inputs = new JsonArray([.. graph.Inputs.OrderBy(input => input.Name, StringComparer.Ordinal).Select(input => new JsonObject
        {
            ["name"] = input.Name,
            ["targets"] = Sorted(input.Targets.Select(target => new JsonObject { ["nodeId"] = target.NodeId, ["pointer"] = target.Pointer })),
        })]);
        return CanonicalJson.Hash(new JsonObject { ["nodes"] = nodes, ["edges"] = edges, ["inputs"] = inputs });
    }

    private static JsonArray Sorted(IEnumerable<JsonObject> items) =>
        new([.. items.Select(item => (Text: CanonicalJson.Write(item), Item: item)).OrderBy(pair => pair.Text, StringComparer.Ordinal).Select(pair => (JsonNode)pair.Item)]);

    /// <summary>A copy of <paramref name="value"/> with each artifact reference replaced by "sha256:{checksum}".</summary>
    private static JsonNode? ByChecksum(JsonNode? value, IReadOnlyDictionary<Guid, string> checksums, Dictionary<Guid, string> used)
    {
        var copy = value?.DeepClone();
        foreach (var (pointer, id) in ArtifactReferences.Find(copy))
        {
            if (!checksums.TryGetValue(id, out var checksum))
            {
                throw new ArgumentException($"No checksum was given for artifact {id}, named at {pointer}.", nameof(checksums));
            }

            used[id] = checksum;
            JsonNode replacement = $"sha256:{checksum.ToLowerInvariant()}";
            if (pointer.Length == 0)
            {
                return replacement;
            }

            ParameterBinder.TrySet(copy!.AsObject(), pointer, replacement);
        }

        return copy;
    }
}

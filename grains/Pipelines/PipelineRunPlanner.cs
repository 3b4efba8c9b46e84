using System.Text.Json.Nodes;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Jobs;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.Grains.Jobs;

namespace MolDash.Grains.Pipelines;

/// <summary>Turns a validated pipeline graph and one run's inputs into the nodes of the job that runs it.</summary>
public static class PipelineRunPlanner
{
    /// <returns>
    /// The job's nodes and every input's value (given or default, see <see cref="PipelineInputs.WithDefaults"/>), or
    /// neither and the errors (pointing at "/inputs/{name}…") when the inputs do not fit.
    /// </returns>
    public static (IReadOnlyList<JobNode> Nodes, JsonObject? Inputs, List<FieldError> Errors) Plan(PipelineGraph graph, IReadOnlyDictionary<string, PipelineTask> tasks, string inputsJson)
    {
        var errors = new List<FieldError>();
        var values = PipelineInputs.WithDefaults(graph, tasks, inputsJson, errors);
        if (values is null)
        {
            return ([], null, errors);
        }

        var nodes = new List<JobNode>(graph.Nodes.Count);
        foreach (var node in graph.Nodes)
        {
            var parameters = JsonNode.Parse(node.ParametersJson)!.AsObject();
            foreach (var input in graph.Inputs)
            {
                foreach (var target in input.Targets.Where(target => target.NodeId == node.Id))
                {
                    if (!ParameterBinder.TrySet(parameters, target.Pointer, values[input.Name]?.DeepClone()))
                    {
                        errors.Add(new FieldError(InputAt(input.Name), $"The value cannot be written at {target.Pointer} of '{node.Id}': the fixed parameters hold something else on the way."));
                    }
                }
            }

            nodes.Add(new JobNode
            {
                Id = node.Id,
                TaskName = node.TaskName,
                TaskVersion = node.TaskVersion,
                ParametersJson = parameters.ToJsonString(),
                // A List, not a collection expression: grain state is stored as JSON with type names, and the type a
                // collection expression makes is compiler-generated, which storage refuses to read back.
                Inputs = graph.Edges.Where(edge => edge.ToNode == node.Id).Select(edge => new NodeInput(edge.FromNode, edge.FromPointer, edge.ToPointer)).ToList(),
                ContinueOnFailure = node.ContinueOnFailure,
            });
        }

        return errors.Count == 0 ? (nodes, values, errors) : ([], null, errors);
    }

    private static string InputAt(string name) => Registry.JsonPointer.Append("/inputs", name);
}

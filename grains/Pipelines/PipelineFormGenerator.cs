using MolDash.GrainInterfaces.Pipelines;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Registry;

namespace MolDash.Grains.Pipelines;

/// <summary>
/// The form a person fills to run a pipeline: one field per exposed input, shaped by the schema of the
/// (first) field it fills, exactly as that task's own form would show it, under the input's name.
/// </summary>
public static class PipelineFormGenerator
{
    /// <remarks>The form's OperationId is empty: the pipeline grain knows the name to put there.</remarks>
    public static TaskForm Generate(PipelineGraph graph, IReadOnlyDictionary<string, PipelineTask> tasks)
    {
        var fields = new List<FormField>(graph.Inputs.Count);
        for (var i = 0; i < graph.Inputs.Count; i++)
        {
            var input = graph.Inputs[i];
            var pointer = JsonPointer.Append("", input.Name);
            var field = FieldOfTarget(graph, tasks, input, pointer)
                ?? new FormField { Name = input.Name, Pointer = pointer, Kind = FormFieldKind.Text, Label = input.Name };
            fields.Add(field with
            {
                Label = input.Label ?? field.Label,
                Description = input.Description ?? field.Description,
                Default = input.DefaultJson is null ? null : new JsonText(input.DefaultJson),
                Required = input.DefaultJson is null,
                Order = i,
            });
        }

        return new TaskForm("", null, null, fields);
    }

    private static FormField? FieldOfTarget(PipelineGraph graph, IReadOnlyDictionary<string, PipelineTask> tasks, PipelineInput input, string pointer)
    {
        if (input.Targets.Count == 0
            || graph.Nodes.FirstOrDefault(node => node.Id == input.Targets[0].NodeId) is not { } node
            || !tasks.TryGetValue(PipelineTask.KeyOf(node.TaskName, node.TaskVersion), out var task)
            || task.Contract.InputSchemaAt(input.Targets[0].Pointer) is not { } schema)
        {
            return null;
        }

        return task.Contract.FieldFromSchema(input.Name, schema, pointer);
    }
}

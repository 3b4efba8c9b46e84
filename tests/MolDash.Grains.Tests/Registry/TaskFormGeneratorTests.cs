using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Registry;

namespace MolDash.Grains.Tests.Registry;

public sealed class TaskFormGeneratorTests
{
    private const string EveryConstruct = """
        {
          "type": "object",
          "title": "Everything",
          "description": "Each construct the form supports.",
          "required": ["name", "count"],
          "properties": {
            "name": { "type": "string", "title": "Molecule name", "minLength": 1, "maxLength": 40, "pattern": "^[A-Za-z]+$", "example": "aspirin" },
            "count": { "type": "integer", "minimum": 1, "maximum": 10, "default": 3 },
            "ratio": { "type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 1, "exclusiveMaximum": true },
            "verbose": { "type": "boolean", "default": false },
            "scoring": { "type": "string", "enum": ["vina", "vinardo"], "default": "vina" },
            "upload": { "type": "string", "format": "binary" },
            "ligand": { "type": "string", "x-moldash-file": { "accept": ["sdf", "mol2"], "inline": true, "formatField": "ligandFormat" } },
            "tags": { "type": "array", "items": { "type": "string" }, "minItems": 1, "maxItems": 5, "uniqueItems": true },
            "box": { "$ref": "#/components/schemas/Box" },
            "options": { "allOf": [ { "$ref": "#/components/schemas/Seeded" }, { "type": "object", "properties": { "note": { "type": "string", "nullable": true } } } ] }
          },
          "additionalProperties": false
        }
        """;

    private const string Components = """
        {
          "Box": { "type": "object", "required": ["x"], "properties": { "x": { "type": "number" }, "y": { "type": "number" } } },
          "Seeded": { "type": "object", "required": ["seed"], "properties": { "seed": { "type": "integer", "example": 42 } } }
        }
        """;

    public static TaskContract EveryConstructContract()
    {
        var result = TaskDocumentLoader.Load(TaskDocuments.WithInput(EveryConstruct, Components), null);
        Assert.Empty(result.Errors);
        return result.Contract!;
    }

    [Fact]
    public void Each_property_becomes_a_field_in_schema_order_with_its_kind()
    {
        var form = EveryConstructContract().Form;

        Assert.Equal("Everything", form.Title);
        Assert.Equal("Each construct the form supports.", form.Description);
        Assert.Equal(
            [("name", FormFieldKind.Text), ("count", FormFieldKind.Integer), ("ratio", FormFieldKind.Number), ("verbose", FormFieldKind.Boolean),
             ("scoring", FormFieldKind.Select), ("upload", FormFieldKind.File), ("ligand", FormFieldKind.File), ("tags", FormFieldKind.Array),
             ("box", FormFieldKind.Object), ("options", FormFieldKind.Object)],
            form.Fields.Select(field => (field.Name, field.Kind)));
        Assert.Equal(Enumerable.Range(0, 10), form.Fields.Select(field => field.Order));
    }

    [Fact]
    public void Fields_carry_label_required_default_ranges_pattern_and_examples()
    {
        var fields = EveryConstructContract().Form.Fields.ToDictionary(field => field.Name);

        Assert.Equal("Molecule name", fields["name"].Label);
        Assert.True(fields["name"].Required);
        Assert.Equal((1, 40), (fields["name"].MinLength, fields["name"].MaxLength));
        Assert.Equal("^[A-Za-z]+$", fields["name"].Pattern);
        Assert.Equal(["\"aspirin\""], fields["name"].Examples.Select(example => example.Json));
        Assert.Equal("Count", fields["count"].Label);
        Assert.True(fields["count"].Required);
        Assert.Equal("3", fields["count"].Default!.Json);
        Assert.Equal((1d, 10d), (fields["count"].Minimum, fields["count"].Maximum));
        Assert.True(fields["ratio"].ExclusiveMinimum && fields["ratio"].ExclusiveMaximum);
        Assert.False(fields["ratio"].Required);
        Assert.Null(fields["ratio"].Default);
        Assert.Equal("false", fields["verbose"].Default!.Json);
        Assert.Equal(["\"vina\"", "\"vinardo\""], fields["scoring"].Options.Select(option => option.Json));
        Assert.Equal("/scoring", fields["scoring"].Pointer);
    }

    [Fact]
    public void File_fields_carry_their_accepted_formats_and_format_field()
    {
        var fields = EveryConstructContract().Form.Fields.ToDictionary(field => field.Name);

        Assert.Equal(["sdf", "mol2"], fields["ligand"].AcceptedFormats);
        Assert.Equal("ligandFormat", fields["ligand"].FormatField);
        Assert.Equal("binary", fields["upload"].Format);
    }

    [Fact]
    public void Arrays_describe_their_items_and_objects_their_nested_fields_through_refs_and_allOf()
    {
        var fields = EveryConstructContract().Form.Fields.ToDictionary(field => field.Name);

        Assert.Equal(FormFieldKind.Text, fields["tags"].Items!.Kind);
        Assert.Equal("/tags/-", fields["tags"].Items!.Pointer);
        Assert.Equal((1, 5), (fields["tags"].MinItems, fields["tags"].MaxItems));
        Assert.Equal(["/box/x", "/box/y"], fields["box"].Fields.Select(field => field.Pointer));
        Assert.True(fields["box"].Fields[0].Required);
        Assert.Equal(["seed", "note"], fields["options"].Fields.Select(field => field.Name));
        Assert.True(fields["options"].Fields[0].Required);
        Assert.Equal(["42"], fields["options"].Fields[0].Examples.Select(example => example.Json));
        Assert.True(fields["options"].Fields[1].Nullable);
    }

    [Fact]
    public void The_docking_form_has_its_files_ranges_defaults_and_batch()
    {
        var form = TaskDocumentLoader.Load(TaskDocuments.Docking(), "dock").Contract!.Form;
        var fields = form.Fields.ToDictionary(field => field.Name);

        Assert.Equal("dock", form.OperationId);
        Assert.True(fields["receptor"].Required);
        Assert.Equal(FormFieldKind.File, fields["receptor"].Kind);
        Assert.Equal(["pdbqt", "pdb"], fields["receptor"].AcceptedFormats);
        Assert.Equal(FormFieldKind.Select, fields["receptorFormat"].Kind);
        Assert.Equal("\"pdbqt\"", fields["receptorFormat"].Default!.Json);
        Assert.Equal((1d, 64d), (fields["exhaustiveness"].Minimum, fields["exhaustiveness"].Maximum));
        Assert.Equal("8", fields["exhaustiveness"].Default!.Json);
        Assert.Equal(FormFieldKind.Boolean, fields["protonate"].Kind);
        Assert.Equal(FormFieldKind.Object, fields["center"].Kind);
        Assert.NotEmpty(fields["center"].Fields);
        Assert.Equal(FormFieldKind.Array, fields["ligands"].Kind);
        Assert.Equal(FormFieldKind.Object, fields["ligands"].Items!.Kind);
        Assert.Equal((1, 100), (fields["ligands"].MinItems, fields["ligands"].MaxItems));
    }
}

using System.Text.Json.Nodes;
using MolDash.Grains.Registry;

namespace MolDash.Grains.Tests.Registry;

public sealed class ParameterValidatorTests
{
    private static readonly TaskContract Contract = TaskFormGeneratorTests.EveryConstructContract();

    private const string Valid = """
        { "name": "aspirin", "count": 2, "ratio": 0.5, "verbose": true, "scoring": "vinardo", "ligand": "CCO",
          "tags": ["a", "b"], "box": { "x": 1.5 }, "options": { "seed": 7, "note": null } }
        """;

    [Fact]
    public void A_parameter_set_that_fits_the_schema_has_no_errors()
    {
        Assert.Empty(Contract.ValidateParameters(JsonNode.Parse(Valid)));
    }

    [Theory]
    [InlineData("name", "null", "/name", "Must not be null.")]
    [InlineData("name", "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", "/name", "Must be at most 40 characters long.")]
    [InlineData("name", "\"4-methyl\"", "/name", "Must match the pattern ^[A-Za-z]+$.")]
    [InlineData("name", "12", "/name", "Must be a string.")]
    [InlineData("count", "2.5", "/count", "Must be a whole number.")]
    [InlineData("count", "11", "/count", "Must be at most 10.")]
    [InlineData("count", "\"3\"", "/count", "Must be an integer.")]
    [InlineData("ratio", "0", "/ratio", "Must be greater than 0.")]
    [InlineData("ratio", "1", "/ratio", "Must be less than 1.")]
    [InlineData("verbose", "\"yes\"", "/verbose", "Must be true or false.")]
    [InlineData("scoring", "\"fast\"", "/scoring", "Must be one of [\"vina\",\"vinardo\"].")]
    [InlineData("tags", "[]", "/tags", "Must have at least 1 item.")]
    [InlineData("tags", "[\"a\",\"a\"]", "/tags", "Must not contain the same item twice.")]
    [InlineData("tags", "[\"a\", 3]", "/tags/1", "Must be a string.")]
    [InlineData("box", "{ \"y\": 2 }", "/box/x", "Is required.")]
    [InlineData("box", "[1]", "/box", "Must be an object.")]
    [InlineData("options", "{ \"seed\": \"x\" }", "/options/seed", "Must be an integer.")]
    [InlineData("surprise", "1", "/surprise", "Is not an input of this task.")]
    public void Each_wrong_field_is_named_by_its_pointer(string field, string value, string location, string message)
    {
        var parameters = JsonNode.Parse(Valid)!.AsObject();
        parameters[field] = JsonNode.Parse(value);

        var error = Assert.Single(Contract.ValidateParameters(parameters));

        Assert.Equal((location, message), (error.Pointer, error.Message));
    }

    [Fact]
    public void Missing_required_fields_are_each_reported()
    {
        var errors = Contract.ValidateParameters(JsonNode.Parse("{}"));

        Assert.Equal(["/count", "/name"], errors.Select(error => error.Pointer).Order());
    }

    [Fact]
    public void A_parameter_set_that_is_not_an_object_is_reported_at_the_root()
    {
        var error = Assert.Single(Contract.ValidateParameters(JsonNode.Parse("[1, 2]")));

        Assert.Equal("", error.Pointer);
    }

    [Fact]
    public void Docking_parameters_are_checked_against_the_real_document()
    {
        var dock = TaskDocumentLoader.Load(TaskDocuments.Docking(), "dock").Contract!;
        var good = JsonNode.Parse("""{ "receptor": "REMARK", "ligand": "CCO", "exhaustiveness": 8, "scoring": "vina" }""");
        var bad = JsonNode.Parse("""{ "ligand": "CCO", "exhaustiveness": 65, "ligands": [ { } ], "colour": "red" }""");

        var errors = dock.ValidateParameters(bad).Select(error => error.Pointer).ToList();

        Assert.Empty(dock.ValidateParameters(good));
        Assert.Contains("/receptor", errors);
        Assert.Contains("/exhaustiveness", errors);
        Assert.Contains("/colour", errors);
        Assert.Contains(errors, pointer => pointer.StartsWith("/ligands/0/", StringComparison.Ordinal));
    }
}

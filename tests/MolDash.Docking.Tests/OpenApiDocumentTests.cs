using System.Net;
using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using MolDash.Docking.Operations.Dock;
using MolDash.Docking.Operations.PrepareLigand;
using MolDash.Docking.Operations.PrepareReceptor;
using MolDash.Docking.Operations.Properties;
using MolDash.Docking.Tests.Infrastructure;

namespace MolDash.Docking.Tests;

[Collection(DefaultHostGroup.Name)]
public sealed class OpenApiDocumentTests(DefaultHostFixture fixture)
{
    private DockingHost Host => fixture.Host;

    [Fact]
    public async Task The_served_document_loads_as_openapi_3_0_without_errors_and_marks_each_task()
    {
        var document = await LoadAsync();

        foreach (var path in new[] { "/prepare-receptor", "/prepare-ligand", "/dock", "/properties" })
        {
            var post = document.Paths[path].Operations![HttpMethod.Post];
            Assert.True(post.Extensions!.ContainsKey("x-moldash-task"), $"{path} lacks x-moldash-task");
            Assert.NotNull(post.Responses!["200"]);
            Assert.NotNull(post.Responses["422"]);
            Assert.NotNull(post.Responses["429"]);
        }

        var dock = document.Components!.Schemas!["DockRequest"];
        Assert.Equal(8, ((JsonElement)JsonSerializer.SerializeToElement(dock.Properties!["exhaustiveness"].Default)).GetInt32());
        Assert.Equal("64", dock.Properties["exhaustiveness"].Maximum);
        Assert.Equal(2, dock.Properties["scoring"].Enum!.Count);
        Assert.True(dock.Properties["receptor"].Extensions!.ContainsKey("x-moldash-file"));
    }

    [Theory]
    [InlineData(typeof(PrepareReceptorRequest), "PrepareReceptorRequest")]
    [InlineData(typeof(PrepareReceptorResponse), "PrepareReceptorResponse")]
    [InlineData(typeof(PrepareLigandRequest), "PrepareLigandRequest")]
    [InlineData(typeof(PrepareLigandResponse), "PrepareLigandResponse")]
    [InlineData(typeof(DockRequest), "DockRequest")]
    [InlineData(typeof(BatchLigand), "BatchLigand")]
    [InlineData(typeof(DockResponse), "DockResponse")]
    [InlineData(typeof(LigandDockResult), "LigandDockResult")]
    [InlineData(typeof(DockedPose), "DockedPose")]
    [InlineData(typeof(PropertiesRequest), "PropertiesRequest")]
    [InlineData(typeof(PropertiesResponse), "PropertiesResponse")]
    public async Task Each_schema_lists_exactly_the_members_the_service_reads_or_writes(Type type, string schema)
    {
        var document = await LoadAsync();

        var documented = document.Components!.Schemas![schema].Properties!.Keys.Order(StringComparer.Ordinal);
        var actual = type.GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order(StringComparer.Ordinal);

        Assert.Equal(actual, documented);
    }

    private async Task<OpenApiDocument> LoadAsync()
    {
        var response = await Host.Client.GetAsync("/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var settings = new OpenApiReaderSettings();
        settings.AddJsonReader();
        var result = await OpenApiDocument.LoadAsync(stream, "json", settings);

        Assert.NotNull(result.Document);
        Assert.Empty(result.Diagnostic!.Errors);
        Assert.Empty(result.Diagnostic.Warnings);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_0, result.Diagnostic.SpecificationVersion);
        return result.Document;
    }
}

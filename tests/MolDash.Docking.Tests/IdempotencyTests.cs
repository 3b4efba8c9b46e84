using System.Net;
using MolDash.Docking.Tests.Infrastructure;

namespace MolDash.Docking.Tests;

[Collection(DefaultHostGroup.Name)]
public sealed class IdempotencyTests(DefaultHostFixture fixture)
{
    private DockingHost Host => fixture.Host;

    [Fact]
    public async Task The_same_key_returns_the_first_result_without_running_again()
    {
        var key = ("Idempotency-Key", "run-" + Guid.NewGuid().ToString("N"));
        var request = new { ligand = Requests.Nicotine, seed = 3 };

        var (first, firstBody) = await Host.PostAsync("/prepare-ligand", request, key);
        var (second, secondBody) = await Host.PostAsync("/prepare-ligand", request, key);
        var (unkeyed, unkeyedBody) = await Host.PostAsync("/prepare-ligand", request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unkeyed.StatusCode);

        // A second run would have its own start time: only the replay carries the first one.
        Assert.Equal(firstBody.ToJsonString(), secondBody.ToJsonString());
        Assert.NotEqual(firstBody["provenance"]!["startedAt"]!.GetValue<string>(), unkeyedBody["provenance"]!["startedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_key_reused_with_another_body_is_a_422_naming_the_header()
    {
        var key = ("Idempotency-Key", "run-" + Guid.NewGuid().ToString("N"));
        await Host.PostAsync("/properties", new { molecule = "CCO" }, key);

        var (response, problem) = await Host.PostAsync("/properties", new { molecule = "CCN" }, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(problem["errors"]!["Idempotency-Key"]);
    }

    [Fact]
    public async Task A_malformed_key_is_a_422_naming_the_header()
    {
        var (response, problem) = await Host.PostAsync("/properties", new { molecule = "CCO" }, ("Idempotency-Key", new string('k', 300)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(problem["errors"]!["Idempotency-Key"]);
    }
}

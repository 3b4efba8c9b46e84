using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.TaskServices;

namespace MolDash.Grains.Tests.TaskServices;

public sealed class ConfiguredInstancesTests
{
    [Fact]
    public void Entries_are_keyed_like_task_service_grains_whatever_the_org_id_format_and_addresses_become_base_addresses()
    {
        var org = Guid.NewGuid();
        var entries = new Dictionary<string, List<string>>
        {
            [$"{org}/echo/1.0.0"] = ["http://10.0.0.7:8080", "https://echo.internal/v1/"],
        };

        Assert.True(ConfiguredInstances.TryParse(entries, out var byTask, out var problem), problem);

        Assert.Equal([new Uri("http://10.0.0.7:8080/"), new Uri("https://echo.internal/v1/")], byTask[TaskDefinitionKey.Format(org, "echo", "1.0.0")]);
    }

    [Theory]
    [InlineData("not-an-org/echo/1.0.0", "http://10.0.0.7/", "entries are named <org id>/<task name>/<version>")]
    [InlineData("{org}/Echo/1.0.0", "http://10.0.0.7/", "entries are named <org id>/<task name>/<version>")]
    [InlineData("{org}/echo/one", "http://10.0.0.7/", "entries are named <org id>/<task name>/<version>")]
    [InlineData("{org}/echo/1.0.0", "ftp://10.0.0.7/", "is not an absolute http or https base address")]
    [InlineData("{org}/echo/1.0.0", "10.0.0.7:8080", "is not an absolute http or https base address")]
    public void An_entry_that_is_not_valid_is_named_with_what_is_wrong(string task, string address, string expected)
    {
        var entries = new Dictionary<string, List<string>> { [task.Replace("{org}", Guid.NewGuid().ToString(), StringComparison.Ordinal)] = [address] };

        Assert.False(ConfiguredInstances.TryParse(entries, out _, out var problem));

        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}

using MolDash.Deployment.Tests.Dockerfiles;
using MolDash.Deployment.Tests.Manifests;
using MolDash.Testing;

namespace MolDash.Deployment.Tests;

/// <summary>The images the manifests run: pinned bases, a non-root user, a health check, and sources that exist.</summary>
public sealed class DockerfileTests
{
    public static readonly TheoryData<string> Dockerfiles = new()
    {
        "silo/Dockerfile",
        "client-api/Dockerfile",
        "task-services/docking/Dockerfile",
        "task-services/echo/Dockerfile",
    };

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Every_base_image_is_pinned(string path)
    {
        var dockerfile = Load(path);
        var stageNames = dockerfile.Stages.Select(stage => stage[0].Words).Where(words => words.Length == 3).Select(words => words[2]).ToList();
        Assert.All(dockerfile.Instructions.Where(i => i.Keyword == "FROM"), from =>
        {
            var image = from.Words[0];
            Assert.True(stageNames.Contains(image) || ManifestInvariants.IsPinned(image), $"{path}: FROM {image} is not pinned to a version");
        });
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void The_image_runs_as_a_numeric_non_root_user(string path)
    {
        var user = Load(path).FinalStage.LastOrDefault(i => i.Keyword == "USER");
        Assert.NotNull(user);
        var uid = user.Arguments.Split(':')[0];
        Assert.True(int.TryParse(uid, out var id) && id > 0, $"{path}: USER {user.Arguments} is not a numeric non-root user");
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void The_image_checks_its_health_endpoint(string path)
    {
        var check = Load(path).FinalStage.SingleOrDefault(i => i.Keyword == "HEALTHCHECK");
        Assert.NotNull(check);
        Assert.Contains("/healthz", check.Arguments, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Every_copied_source_and_published_project_exists_in_the_repository(string path)
    {
        var dockerfile = Load(path);
        var sources = dockerfile.Instructions
            .Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(i => i.Words[..^1]);
        var projects = dockerfile.Instructions
            .Where(i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet publish", StringComparison.Ordinal))
            .Select(i => i.Words[2])
            .ToList();

        Assert.Single(projects);
        Assert.All(sources.Concat(projects), source =>
            Assert.True(Path.Exists(Path.Combine(RepositoryLayout.Root, source)), $"{path}: {source} is not in the repository"));
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_and_local_state()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepositoryLayout.Root, ".dockerignore"));
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains(".moldash/", ignored);
    }

    private static Dockerfile Load(string path) =>
        Dockerfile.Parse(path, File.ReadAllText(Path.Combine(RepositoryLayout.Root, path)));
}

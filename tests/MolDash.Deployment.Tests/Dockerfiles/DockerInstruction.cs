namespace MolDash.Deployment.Tests.Dockerfiles;

/// <summary>One Dockerfile instruction, its continuation lines joined.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments)
{
    public string[] Words => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using MolDash.Testing;

namespace MolDash.Deployment.Tests.Manifests;

/// <summary>Renders a kustomization under k8s/ with `kubectl kustomize`, as `kubectl apply -k` would.</summary>
public static class Kustomize
{
    public static IReadOnlyList<Manifest> Render(string kustomization)
    {
        var yaml = Run("kubectl", "kustomize", Path.Combine(RepositoryLayout.Root, "k8s", kustomization));
        return YamlToJson.Documents(yaml)
            .OfType<JsonObject>()
            .Select(body => new Manifest(body["kind"].Text() ?? "", body["metadata"]?["name"].Text() ?? "", body))
            .ToList();
    }

    private static string Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException($"{command} is not installed (./moldash installs Debian's kubernetes-client)", missing);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0
                ? output
                : throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        }
    }
}

using System.Text;
using MolDash.GrainInterfaces.Errors;
using MolDash.Grains.Artifacts.Formats;

namespace MolDash.Grains.Tests.Artifacts;

/// <summary>The test files and one way to run the inspector over text or bytes.</summary>
internal static class MoleculeFiles
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Artifacts", "TestData", name));

    public static Task<InspectedFile> InspectAsync(string text, string fileName = "upload", string? format = null, long maxBytes = long.MaxValue) =>
        InspectAsync(Encoding.UTF8.GetBytes(text), fileName, format, maxBytes);

    public static async Task<InspectedFile> InspectAsync(byte[] bytes, string fileName = "upload", string? format = null, long maxBytes = long.MaxValue)
    {
        using var stream = new MemoryStream(bytes);
        return await MoleculeFileInspector.InspectAsync(stream, fileName, format, maxBytes, "the test limit.", CancellationToken.None);
    }

    /// <summary>Asserts the file is refused with <paramref name="kind"/> and returns the message.</summary>
    public static async Task<string> RefusedAsync(ErrorKind kind, string text, string fileName = "upload", string? format = null)
    {
        var error = await Assert.ThrowsAsync<MolDashException>(() => InspectAsync(text, fileName, format));
        Assert.Equal(kind, error.Kind);
        return error.Message;
    }
}

using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.TaskServices;

/// <summary>An instance's base address, however it was learned: absolute http or https, no query, ending in '/'.</summary>
public static class InstanceAddress
{
    public static bool TryParse(string? address, out Uri uri)
    {
        if (!Uri.TryCreate(address?.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(parsed.Query))
        {
            uri = null!;
            return false;
        }

        // A base address ends with '/', so relative operation paths resolve under it.
        uri = parsed.AbsolutePath.EndsWith('/') ? parsed : new Uri(parsed + "/");
        return true;
    }

    /// <summary>The address, or a 422 at /address saying what one looks like.</summary>
    public static Uri Parse(string? address) => TryParse(address, out var uri)
        ? uri
        : throw MolDashException.Invalid("The instance address is not valid.", [new FieldError("/address", "An absolute http or https base address such as http://10.0.0.7:8080/.")]);
}

using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Persistence;

/// <summary>The page-size rule every listing shares.</summary>
public static class PageSize
{
    public static void Validate(int limit, int max)
    {
        if (limit < 1 || limit > max)
        {
            throw new MolDashException(ErrorKind.Validation, $"limit must be between 1 and {max}.");
        }
    }
}

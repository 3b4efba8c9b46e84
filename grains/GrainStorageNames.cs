namespace MolDash.Grains;

public static class GrainStorageNames
{
    /// <summary>The grain storage provider every persistent MolDash grain uses.</summary>
    public const string Default = "moldash";
}

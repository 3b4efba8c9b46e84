using System.ComponentModel.DataAnnotations;

namespace MolDash.Grains.Storage;

public sealed class BlobStorageOptions
{
    public const string Section = "BlobStorage";

    /// <summary>An Azure Storage connection string with an account key (needed to sign SAS URLs).</summary>
    [Required(ErrorMessage = "BlobStorage:ConnectionString is required (an Azure Storage or Azurite connection string).")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Prefix of every container MolDash creates, so several installs can share one account.</summary>
    [RegularExpression("^[a-z0-9]{1,20}$", ErrorMessage = "BlobStorage:ContainerPrefix must be 1-20 lowercase letters or digits.")]
    public string ContainerPrefix { get; set; } = "moldash";

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "BlobStorage:SasLifetime must be between 10 seconds and 1 day.")]
    public TimeSpan SasLifetime { get; set; } = TimeSpan.FromMinutes(15);
}

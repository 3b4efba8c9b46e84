namespace MolDash.Grains.Identity.Throttling;

public static class LoginThrottleKeys
{
    public const string AccountPrefix = "account:";
    public const string ClientPrefix = "client:";

    public static string Account(string email) => AccountPrefix + email.Trim().ToLowerInvariant();

    public static string Client(string address) => ClientPrefix + address;
}

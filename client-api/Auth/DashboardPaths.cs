namespace MolDash.Api.Auth;

public static class DashboardPaths
{
    public const string Root = "/dashboard";
    public const string Login = "/login.html";
}

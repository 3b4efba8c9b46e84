namespace MolDash.Integration.Tests.Infrastructure;

/// <summary>For what the platform does in the background: polls a condition until it holds, and fails the test if it never does (about 10 s).</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(await condition());
    }

    /// <summary>Polls a condition on what a background client has seen until it holds; fails the test if it does not within <paramref name="within"/>.</summary>
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan within, string because)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), because);
    }
}

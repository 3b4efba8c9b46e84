namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>For state that other activations change in the background: polls a condition until it holds, and fails the test if it never does.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(await condition());
    }
}

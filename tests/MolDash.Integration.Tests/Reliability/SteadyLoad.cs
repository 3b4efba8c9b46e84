using System.Diagnostics;

namespace MolDash.Integration.Tests.Reliability;

/// <summary>Offers a <see cref="LoadShape"/> to the platform: each submitter sends at its pace whether earlier submissions were answered or not.</summary>
public static class SteadyLoad
{
    private static readonly TimeSpan SubmissionPatience = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Starts the load and returns once a third of it was accepted, so the fault that follows hits a busy cluster;
    /// the task it returns completes when every submission was accepted.
    /// </summary>
    public static async Task<Task> StartAsync(ResilientJobClient client, LoadShape shape, string label)
    {
        var acceptedBefore = client.Tally.AcceptedCount;
        var load = Task.WhenAll(Enumerable.Range(0, shape.Submitters).Select(submitter => SubmitterAsync(client, shape, $"{label} {submitter}")));
        await UntilAcceptedAsync(client.Tally, acceptedBefore + (shape.Total / 3));
        return load;
    }

    /// <summary>Polls the tally until <paramref name="count"/> jobs were accepted; fails the test if that takes more than a minute.</summary>
    private static async Task UntilAcceptedAsync(FaultTally tally, int count)
    {
        var clock = Stopwatch.StartNew();
        while (tally.AcceptedCount < count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"Only {tally.AcceptedCount} of {count} jobs were accepted in a minute.");
            await Task.Delay(50);
        }
    }

    private static async Task SubmitterAsync(ResilientJobClient client, LoadShape shape, string label)
    {
        var submissions = new List<Task>();
        using var pace = new PeriodicTimer(shape.Every);
        for (var i = 0; i < shape.JobsEach; i++)
        {
            submissions.Add(client.SubmitAsync(new { message = $"{label} job {i}", delayMs = shape.DelayMs }, SubmissionPatience));
            await pace.WaitForNextTickAsync();
        }

        await Task.WhenAll(submissions);
    }
}

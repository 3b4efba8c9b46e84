using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Artifacts;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Cache;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Jobs;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.Grains.Access;
using MolDash.Grains.Audit;
using MolDash.Grains.Persistence;

namespace MolDash.Grains.Cache;

/// <summary>
/// Decides, one submission at a time, whether the entry's job answers (hit), is still running (attach) or
/// a new job is needed. Being one non-reentrant activation per signature is what makes it single-flight.
/// The entry asks its job for the truth on every submission until it has seen the job succeed with its log kept (a
/// succeeded job never changes again); the job's end notice only refreshes the row Admins list.
/// </summary>
[GrainType("moldash-cache-entry")]
public sealed class CacheEntryGrain(
    [PersistentState("cache-entry", GrainStorageNames.Default)] IPersistentState<CacheEntryState> state,
    ICacheRecords records,
    Auditor auditor,
    TimeProvider time,
    ILogger<CacheEntryGrain> logger) : Grain, ICacheEntryGrain, IOrgOwned
{
    private static readonly TimeSpan UsageWriteDelay = TimeSpan.FromSeconds(1);

    private DelayedWrite? usageWrite;

    // The canonical job once it has succeeded and its log is kept: from then on it is the same on every hit.
    private JobView? settledJob;

    private CacheEntryState Entry => state.State;

    private string Signature => CacheKey.Parse(this.GetPrimaryKeyString()).Signature;

    public Guid OwnerOrgId => CacheKey.Parse(this.GetPrimaryKeyString()).OrgId;

    public async Task<PipelineRunResult> SubmitAsync(CacheSubmission submission)
    {
        string why;
        if (!Entry.Exists)
        {
            why = "no job has had this input signature yet";
        }
        else if (submission.Refresh)
        {
            why = "a refresh was asked for";
        }
        else
        {
            var job = settledJob is { } settled && settled.JobId == Entry.CanonicalJobId ? settled : await Job(Entry.CanonicalJobId).GetAsync();
            settledJob = job is { Status: JobStatus.Succeeded, LogsUri: not null } ? job : null;
            var (outcome, reason) = await DecideAsync(job, submission.ConfidenceThreshold);
            if (outcome is { } answer)
            {
                Entry.LastUsedAt = time.GetUtcNow();
                if (answer == CacheOutcome.Hit)
                {
                    Entry.HitCount++;
                }

                if (Follow(job))
                {
                    await SaveAsync();
                }
                else
                {
                    UsageWrite.Schedule();
                }

                return new PipelineRunResult(job, answer, reason, Signature);
            }

            why = reason;
        }

        var created = await Job(submission.JobId).SubmitAsync(submission.Job with { Signature = Signature });
        var now = time.GetUtcNow();
        if (!Entry.Exists)
        {
            Entry.CreatedAt = now;
            Entry.Ttl = submission.DefaultTtl;
        }

        Entry.PipelineName = submission.PipelineName;
        Entry.PipelineVersion = submission.PipelineVersion;
        Entry.CanonicalJobId = submission.JobId;
        Entry.InputArtifacts = [.. submission.InputArtifacts];
        Entry.LastUsedAt = now;
        Entry.Status = CacheEntryStatus.Running;
        Entry.Confidence = null;
        Entry.ExpiresAt = null;
        await SaveAsync();
        return new PipelineRunResult(created, CacheOutcome.Created, "new job: " + why, Signature);
    }

    public Task<CacheEntryView> GetAsync() => Task.FromResult(RequireExisting().View());

    public async Task<CacheEntryView> InvalidateAsync()
    {
        PermissionGuard.Require(MolDashPermissions.CacheManage, "invalidate cache entries");
        RequireExisting();
        Entry.Status = CacheEntryStatus.Invalidated;
        await SaveAsync();
        await AuditAsync(AuditActions.CacheInvalidated, null);
        return View();
    }

    public async Task<CacheEntryView> PinAsync(bool pinned)
    {
        PermissionGuard.Require(MolDashPermissions.CacheManage, "pin cache entries");
        RequireExisting();
        Entry.Pinned = pinned;
        Entry.ExpiresAt = ExpiryAfter(Entry.Status == CacheEntryStatus.Completed ? Entry.LastUsedAt : null);
        await SaveAsync();
        await AuditAsync(AuditActions.CachePinned, pinned ? "pinned" : "unpinned");
        return View();
    }

    public async Task<CacheEntryView> SetTtlAsync(TimeSpan? ttl)
    {
        PermissionGuard.Require(MolDashPermissions.CacheManage, "set cache entry lifetimes");
        RequireExisting();
        if (ttl is { } value && value <= TimeSpan.Zero)
        {
            throw MolDashException.Invalid("The time to live must be positive, or null to keep the entry until it is invalidated.", [new FieldError("/ttlSeconds", "A positive number of seconds, or null.")]);
        }

        Entry.Ttl = ttl;
        Entry.ExpiresAt = ExpiryAfter(Entry.Status == CacheEntryStatus.Completed ? Entry.LastUsedAt : null);
        await SaveAsync();
        await AuditAsync(AuditActions.CacheTtlChanged, ttl is { } set ? string.Create(CultureInfo.InvariantCulture, $"{set.TotalSeconds:0} s") : "none");
        return View();
    }

    public async Task OnJobFinishedAsync(Guid jobId, JobStatus status, double? confidence)
    {
        if (!Entry.Exists || jobId != Entry.CanonicalJobId || Entry.Status == CacheEntryStatus.Invalidated)
        {
            return;
        }

        Entry.Status = status == JobStatus.Succeeded ? CacheEntryStatus.Completed : CacheEntryStatus.Failed;
        Entry.Confidence = confidence;
        Entry.ExpiresAt = ExpiryAfter(status == JobStatus.Succeeded ? time.GetUtcNow() : null);
        await SaveAsync();
    }

    public async Task<bool> ExpireAsync()
    {
        if (!Entry.Exists || Entry.Pinned || Entry.ExpiresAt is not { } expires || expires > time.GetUtcNow())
        {
            return false;
        }

        await records.DeleteAsync(OwnerOrgId, Signature, CancellationToken.None);
        await state.ClearStateAsync();
        DeactivateOnIdle();
        return true;
    }

    /// <summary>Whether the entry's job answers this submission, and why (or why not).</summary>
    private async Task<(CacheOutcome? Outcome, string Reason)> DecideAsync(JobView job, double threshold)
    {
        if (Entry.Status == CacheEntryStatus.Invalidated)
        {
            return (null, "the cached result was invalidated");
        }

        switch (job.Status)
        {
            case JobStatus.Pending or JobStatus.Running:
                return (CacheOutcome.Attached, $"job {job.JobId} with the same input signature is running; following it");
            case JobStatus.Failed or JobStatus.Cancelled:
                return (null, $"the previous job {job.JobId} {job.Status.ToString().ToLowerInvariant()}");
        }

        if (!Entry.Pinned && ExpiryAfter(job.FinishedAt) is { } expires && expires <= time.GetUtcNow())
        {
            return (null, $"the cached result expired at {expires:O}");
        }

        if (job.Confidence is not { } confidence || confidence < threshold)
        {
            return (null, job.Confidence is null
                ? "the cached result's confidence is unknown (a stochastic task without its own confidence)"
                : string.Create(CultureInfo.InvariantCulture, $"the cached result's confidence {job.Confidence:0.###} is below the pipeline's threshold {threshold:0.###}"));
        }

        foreach (var artifact in Entry.InputArtifacts)
        {
            if (!await ExistsAsync(artifact))
            {
                return (null, $"input artifact {artifact} of the cached job no longer exists");
            }
        }

        return (CacheOutcome.Hit, string.Create(CultureInfo.InvariantCulture,
            $"job {job.JobId} had the same input signature and succeeded at {job.FinishedAt:O} with confidence {confidence:0.###} (threshold {threshold:0.###})"));
    }

    /// <summary>Keeps the entry in step with its job, whose status the submission just read; true when that changed it.</summary>
    private bool Follow(JobView job)
    {
        if (Entry.Status is CacheEntryStatus.Running && job.Status is JobStatus.Succeeded)
        {
            Entry.Status = CacheEntryStatus.Completed;
            Entry.Confidence = job.Confidence;
            Entry.ExpiresAt = ExpiryAfter(job.FinishedAt);
            return true;
        }

        return false;
    }

    /// <summary>
    /// A hit or an attach changes only the hit count and last use: they are written a moment later, once
    /// for all the hits in between (and when the activation ends), so a hit is answered without a write.
    /// </summary>
    private DelayedWrite UsageWrite => usageWrite ??= new DelayedWrite(this, () => Entry.Exists ? SaveAsync() : Task.CompletedTask, UsageWriteDelay);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (usageWrite is not null)
        {
            await usageWrite.FlushAsync();
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private DateTimeOffset? ExpiryAfter(DateTimeOffset? finished) =>
        Entry.Pinned || Entry.Ttl is not { } ttl || finished is not { } at ? null : at + ttl;

    private async Task<bool> ExistsAsync(Guid artifactId)
    {
        try
        {
            await GrainFactory.GetGrain<IArtifactsGrain>(OwnerOrgId).GetAsync(artifactId);
            return true;
        }
        catch (MolDashException e) when (e.Kind == ErrorKind.NotFound)
        {
            return false;
        }
    }

    /// <summary>The grain state is the truth; the row Admins list follows it, and a failed row write is made up by the next one.</summary>
    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        try
        {
            await records.UpsertAsync(OwnerOrgId, View(), CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            logger.LogWarning(e, "Cache entry {Signature}: its row could not be written", Signature);
        }

        if (Entry.ExpiresAt is not null)
        {
            await GrainFactory.GetGrain<ICacheSweeperGrain>(OwnerOrgId).EnsureScheduledAsync();
        }
    }

    private Task AuditAsync(string action, string? change) =>
        auditor.RecordAsync(action, Signature, AuditOutcome.Succeeded, OwnerOrgId, new Dictionary<string, string?>
        {
            ["pipeline"] = $"{Entry.PipelineName} {Entry.PipelineVersion}",
            ["change"] = change,
        });

    private IJobGrain Job(Guid jobId) => GrainFactory.GetGrain<IJobGrain>(JobKey.Format(OwnerOrgId, jobId));

    private CacheEntryGrain RequireExisting() => Entry.Exists ? this : throw MolDashException.NotFound("The cache entry");

    private CacheEntryView View() => new()
    {
        Signature = Signature,
        PipelineName = Entry.PipelineName,
        PipelineVersion = Entry.PipelineVersion,
        CanonicalJobId = Entry.CanonicalJobId,
        Status = Entry.Status,
        ConfidenceScore = Entry.Confidence,
        HitCount = Entry.HitCount,
        CreatedAt = Entry.CreatedAt,
        LastUsedAt = Entry.LastUsedAt,
        Ttl = Entry.Ttl,
        ExpiresAt = Entry.ExpiresAt,
        Pinned = Entry.Pinned,
    };
}

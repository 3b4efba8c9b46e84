namespace MolDash.GrainInterfaces.Audit;

/// <summary>The action names written to the audit log; filters use them as they are.</summary>
public static class AuditActions
{
    public const string Login = "auth.login";
    public const string LoginThrottled = "auth.login.throttled";
    public const string RefreshTokenReused = "auth.refresh.reuse";
    public const string Logout = "auth.logout";
    public const string ExternalLogin = "auth.login.external";
    public const string IdentityProviderCreated = "idp.create";
    public const string IdentityProviderUpdated = "idp.update";
    public const string IdentityProviderDeleted = "idp.delete";
    public const string IdentityLinked = "idp.link";
    public const string IdentityUnlinked = "idp.unlink";
    public const string OrganizationCreated = "org.create";
    public const string OrganizationProvisioned = "org.provision";
    public const string OrganizationQuotasChanged = "org.quotas";
    public const string OrganizationSuspended = "org.suspend";
    public const string OrganizationReactivated = "org.reactivate";
    public const string OrganizationDeletionRequested = "org.delete.request";
    public const string OrganizationDeleted = "org.delete";
    public const string UserCreated = "user.create";
    public const string UserRolesChanged = "user.roles";
    public const string UserDisabled = "user.disable";
    public const string UserEnabled = "user.enable";
    public const string ArtifactUploaded = "artifact.upload";
    public const string ArtifactOutputStored = "artifact.output";
    public const string PipelineCreated = "pipeline.create";
    public const string PipelineSettingsChanged = "pipeline.settings";
    public const string PipelineDraftChanged = "pipeline.draft";
    public const string PipelinePublished = "pipeline.publish";
    public const string PipelineDeprecated = "pipeline.deprecate";
    public const string PipelineVersionCreated = "pipeline.version";
    public const string CacheInvalidated = "cache.invalidate";
    public const string CachePinned = "cache.pin";
    public const string CacheTtlChanged = "cache.ttl";
    public const string ScheduleCreated = "schedule.create";
    public const string SchedulePaused = "schedule.pause";
    public const string ScheduleResumed = "schedule.resume";
    public const string ScheduleDeleted = "schedule.delete";
    public const string TaskCreated = "task.create";
    public const string TaskUpdated = "task.update";
    public const string TaskPublished = "task.publish";
    public const string TaskDeprecated = "task.deprecate";
    public const string TaskCloned = "task.clone";
    public const string TaskBundleImported = "task.bundle.import";
    public const string TaskImportRolledBack = "task.import.rollback";
    public const string TaskInstanceRegistered = "task.instance.register";
    public const string TaskInstanceRemoved = "task.instance.remove";
    public const string TaskServiceKeyIssued = "task.service-key.issue";
    public const string TaskInstanceSelfRegistered = "task.instance.self-register";
    public const string TaskInstanceSelfDeregistered = "task.instance.self-deregister";
}

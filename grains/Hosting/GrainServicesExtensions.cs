using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MolDash.Grains.Artifacts;
using MolDash.Grains.Audit;
using MolDash.Grains.Cache;
using MolDash.Grains.Identity;
using MolDash.Grains.Identity.External;
using MolDash.Grains.Jobs;
using MolDash.Grains.Identity.Passwords;
using MolDash.Grains.Identity.Sessions;
using MolDash.Grains.Identity.Throttling;
using MolDash.Grains.Invitations;
using MolDash.Grains.Organizations;
using MolDash.Grains.Persistence;
using MolDash.Grains.Pipelines;
using MolDash.Grains.Registry;
using MolDash.Grains.Schedules;
using MolDash.Grains.Storage;
using MolDash.Grains.Users;
using MolDash.Grains.TaskServices;
using MolDash.Grains.Tasks;
using Npgsql;

namespace MolDash.Grains.Hosting;

public static class GrainServicesExtensions
{
    /// <summary>Registers the services grains use: metadata database, blob storage, password hashing.</summary>
    public static IServiceCollection AddMolDashGrainServices(this IServiceCollection services, string metadataConnectionString)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddBinaryGrainStateReadingJson();
        services.AddSingleton(_ => NpgsqlDataSource.Create(metadataConnectionString));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<IOrganizationCatalog, PostgresOrganizationCatalog>();
        services.AddSingleton<IUserAccounts, PostgresUserAccounts>();
        services.AddSingleton<ITaskCatalog, PostgresTaskCatalog>();
        services.AddSingleton<TaskServiceHttp>();
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section)
            .Validate(options => options.TryParseNetworks(out _, out _), "Registry:ImportAllowedNetworks must be CIDR blocks such as 127.0.0.0/8, separated by commas.")
            .ValidateOnStart();
        services.AddSingleton<TaskDocumentFetcher>();
        services.AddOptions<TaskServiceOptions>().BindConfiguration(TaskServiceOptions.Section)
            .Validate(options => NetworkList.TryParse(options.SelfRegistrationNetworks, out _, out _),
                "TaskServices:SelfRegistrationNetworks must be CIDR blocks such as 10.0.0.0/8, separated by commas.")
            .Validate(options => ConfiguredInstances.TryParse(options.Instances, out _, out _),
                "TaskServices:Instances holds an entry that is not '<org id>/<task name>/<version>' with absolute http or https addresses.")
            .ValidateOnStart();
        services.AddSingleton(SelfRegistrationAddressPolicy.From);
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section);
        services.AddSingleton<JobLogArchive>();
        services.AddSingleton<JobLog>();
        services.AddSingleton<ICacheRecords, PostgresCacheRecords>();
        services.AddSingleton<IPipelineCatalog, PostgresPipelineCatalog>();
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.Section);
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.Section);
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<RootAccountSeeder>();
        services.AddSingleton<IAuditLog, PostgresAuditLog>();
        services.AddSingleton<IOrgMemberships, PostgresOrgMemberships>();
        services.AddSingleton<IRefreshTokenStore, PostgresRefreshTokenStore>();
        services.AddSingleton<RefreshTokens>();
        services.AddSingleton<SessionRevocation>();
        services.AddSingleton<LoginThrottles>();
        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton<IPasswordResetStore, PostgresPasswordResetStore>();
        services.AddSingleton<IInvitationStore, PostgresInvitationStore>();
        services.AddSingleton<Auditor>();
        services.AddSingleton(sp => new BlobServiceClient(sp.GetRequiredService<IOptions<BlobStorageOptions>>().Value.ConnectionString));
        services.AddSingleton<IBlobStore, AzureBlobStore>();
        services.AddOptions<ResultsDatabaseOptions>().BindConfiguration(ResultsDatabaseOptions.Section).PostConfigure(options =>
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionTemplate))
            {
                options.ConnectionTemplate = ResultsDatabaseOptions.TemplateFrom(metadataConnectionString);
            }
        });
        services.AddSingleton<OrgResultsDatabases>();
        services.AddSingleton<IJobRecords, PostgresJobRecords>();
        services.AddSingleton<IOrgResources, OrgResourceProvisioner>();
        services.AddSingleton<IInitialAdmins, PostgresInitialAdmins>();
        services.AddSingleton<InitialAdminAccounts>();
        services.AddSingleton<IOrganizationEraser, PostgresOrganizationEraser>();
        services.AddSingleton<OrganizationDeletionSteps>();
        services.AddOptions<IdentityProviderOptions>().BindConfiguration(IdentityProviderOptions.Section);
        services.AddSingleton<ProviderSecretProtector>();
        services.AddSingleton<IIdentityProviderStore, PostgresIdentityProviderStore>();
        services.AddSingleton<OidcClient>();
        services.AddSingleton<IArtifactStore, PostgresArtifactStore>();
        return services;
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MolDash.TaskServices.Registration;

/// <summary>
/// Registers this service's instance with the MolDash platform once it listens, registers again before
/// each lease ends (the platform drops instances whose lease runs out), and deregisters on shutdown.
/// </summary>
public sealed partial class PlatformRegistration(
    IOptions<PlatformRegistrationOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<PlatformRegistration> logger) : BackgroundService
{
    private readonly PlatformRegistrationOptions settings = options.Value;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Uri? registered;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled || !await StartedAsync(stoppingToken) || OwnAddress() is not { } address)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = settings.RetryDelay;
            try
            {
                var lease = await RegisterAsync(address, stoppingToken);
                registered = address;
                wait = lease.RenewWithin;
            }
            catch (HttpRequestException e)
            {
                LogRefused(address, e.Message);
            }
            catch (TaskCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                LogRefused(address, "the platform did not answer in time");
            }

            await Task.Delay(wait, time, stoppingToken).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (registered is not { } address)
        {
            return;
        }

        try
        {
            using var request = Request(HttpMethod.Delete, $"?orgId={settings.OrgId}&address={Uri.EscapeDataString(address.ToString())}");
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // The lease runs out on its own.
            LogNotDeregistered(address, e.Message);
        }
    }

    public override void Dispose()
    {
        http.Dispose();
        base.Dispose();
    }

    private async Task<InstanceLease> RegisterAsync(Uri address, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, $"?orgId={settings.OrgId}");
        request.Content = JsonContent.Create(new RegistrationRequest(address.ToString()));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{(int)response.StatusCode}: {problem}");
        }

        var lease = await response.Content.ReadFromJsonAsync<InstanceLease>(cancellationToken)
            ?? throw new HttpRequestException("the platform answered without a lease");
        LogRegistered(address, lease.ExpiresAt);
        return lease;
    }

    private HttpRequestMessage Request(HttpMethod method, string query)
    {
        var path = $"api/v1/tasks/{Uri.EscapeDataString(settings.Task!)}/versions/{Uri.EscapeDataString(settings.Version!)}/service/instances/self{query}";
        var request = new HttpRequestMessage(method, new Uri(settings.Url!, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("ServiceKey", settings.ServiceKey);
        return request;
    }

    /// <summary>Waits until the server listens (its address is known then); false when the host stops first.</summary>
    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(started.SetResult);
        using var onStopping = stoppingToken.Register(started.SetResult);
        await started.Task;
        return !stoppingToken.IsCancellationRequested;
    }

    /// <summary>The configured address, else the first one the server listens on that names a host.</summary>
    private Uri? OwnAddress()
    {
        var candidate = settings.Address ?? server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(address => Uri.TryCreate(address, UriKind.Absolute, out var uri) ? uri : null)
            .FirstOrDefault(uri => uri is not null && uri.Host is not ("0.0.0.0" or "[::]" or "+" or "*"));
        if (candidate is null)
        {
            LogNoAddress();
            return null;
        }

        return candidate.AbsolutePath.EndsWith('/') ? candidate : new Uri(candidate + "/");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Address} with the platform until {ExpiresAt:O}")]
    private partial void LogRegistered(Uri address, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering {Address} with the platform failed: {Reason}")]
    private partial void LogRefused(Uri address, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deregistering {Address} from the platform failed: {Reason}")]
    private partial void LogNotDeregistered(Uri address, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Not registering with the platform: the server listens on no named host; set PlatformRegistration:Address")]
    private partial void LogNoAddress();

    private sealed record RegistrationRequest(string Address);

    private sealed record InstanceLease(string Address, DateTimeOffset ExpiresAt, TimeSpan RenewWithin);
}

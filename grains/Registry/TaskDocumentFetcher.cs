using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Registry;

/// <summary>
/// Fetches a running service's OpenAPI document for an import, SSRF-safe: http/https only, no
/// redirects, no proxy, a size cap and a short timeout. The host is resolved once inside the connect
/// callback and every resolved address is checked by <see cref="ImportAddressPolicy"/> before the socket
/// connects to the checked address itself, so a second DNS answer (rebinding) is never used.
/// </summary>
public sealed class TaskDocumentFetcher : IDisposable
{
    private readonly HttpClient client;
    private readonly TimeSpan timeout;
    private readonly TimeProvider time;

    public TaskDocumentFetcher(IOptions<ImportOptions> options, TimeProvider time)
    {
        if (!options.Value.TryParseNetworks(out var networks, out var invalid))
        {
            throw new InvalidOperationException($"Registry:ImportAllowedNetworks holds '{invalid}', which is not a CIDR block such as 127.0.0.0/8.");
        }

        Policy = new ImportAddressPolicy(networks);
        timeout = options.Value.ImportTimeout;
        this.time = time;
        client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.Zero,
            ConnectCallback = ConnectAsync,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public ImportAddressPolicy Policy { get; }

    /// <summary>The document's text; a <see cref="ErrorKind.Validation"/> error at "/url" saying why when it cannot be fetched.</summary>
    public async Task<string> FetchAsync(string url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw Refused("The import URL must be an absolute http or https URL without credentials, such as http://10.0.0.7:8080/openapi.json.");
        }

        using var deadline = new CancellationTokenSource(timeout, time);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.ParseAdd("application/json, application/yaml;q=0.9, */*;q=0.5");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400)
            {
                throw Refused($"{uri} answered {status} (a redirect to {response.Headers.Location}); redirects are not followed, import from the final address.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Refused($"{uri} answered {status}; the document must be served with 200.");
            }

            if (response.Content.Headers.ContentLength > TaskDocumentLimits.MaxBytes)
            {
                throw Refused(TooLarge(uri));
            }

            return await ReadCappedAsync(uri, response, deadline.Token);
        }
        catch (HttpRequestException e) when (e.InnerException is ImportRefusedException refused)
        {
            throw Refused(refused.Message);
        }
        catch (HttpRequestException e)
        {
            throw Refused($"{uri} could not be reached: {e.Message}");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw Refused($"{uri} did not send its document within {timeout.TotalSeconds:0.#} s.");
        }
    }

    public void Dispose() => client.Dispose();

    private static async Task<string> ReadCappedAsync(Uri uri, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > TaskDocumentLimits.MaxBytes)
            {
                throw Refused(TooLarge(uri));
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new ImportRefusedException($"{host} does not resolve to any address.");
        }

        // Every address is checked, not only the first: a name must not smuggle a private address in beside a public one.
        foreach (var address in addresses)
        {
            if (Policy.Refusal(address) is { } reason)
            {
                throw new ImportRefusedException(host == address.ToString() ? reason : $"{host} resolves to {address}: {reason}");
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string TooLarge(Uri uri) => $"{uri} sent a document larger than {TaskDocumentLimits.MaxBytes / 1024 / 1024} MiB, the registry's limit.";

    private static MolDashException Refused(string reason) =>
        MolDashException.Invalid($"The document cannot be imported: {reason}", [new FieldError("/url", reason)]);
}

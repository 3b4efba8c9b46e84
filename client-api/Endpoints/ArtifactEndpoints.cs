using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using MolDash.Api.Errors;
using MolDash.Api.Uploads;
using MolDash.GrainInterfaces.Artifacts;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Api.Endpoints;

/// <summary>
/// An org's files. Uploads stream through the API into a staging blob (the grain hands out its pre-signed
/// URL and the size the org's quotas allow), then the grain checks, de-duplicates and records the file.
/// Downloads are pre-signed URLs: the bytes never pass through the API.
/// </summary>
public static class ArtifactEndpoints
{
    private const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapArtifactEndpoints(this RouteGroupBuilder api)
    {
        var artifacts = api.MapGroup("/artifacts").WithTags("Artifacts");
        artifacts.MapPost("/", UploadAsync)
            // The body streams to storage and the org's quotas bound it, not the server-wide request limit.
            .WithMetadata(new DisableRequestSizeLimitAttribute())
            .WithSummary("Upload a molecule file: multipart/form-data with one file part, or the raw body with ?fileName=; ?format= declares the format (pdb, sdf, mol2, pdbqt, smiles, csv), else it is detected. 201 with the artifact, 200 with the existing one for content the org already has.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        artifacts.MapGet("/", ListAsync)
            .WithSummary("List the org's artifacts, newest first, a page at a time; filter by jobId (a job's outputs) or format.");
        artifacts.MapGet("/{id:guid}", GetAsync).WithSummary("Read an artifact's metadata.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        artifacts.MapGet("/{id:guid}/download", DownloadAsync)
            .WithSummary("A pre-signed URL that reads the file for a few minutes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> UploadAsync(
        HttpRequest request, ClaimsPrincipal user, IClusterClient cluster, StagingBlobWriter writer,
        Guid? orgId, string? fileName, string? format, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation();
        var org = RequestOrg.Resolve(user, orgId, validation);
        var file = org is null ? null : await UploadRequestReader.ReadAsync(request, fileName, format, cancellationToken);
        validation.Require(org is null || file is not null, "file",
            "Send the file as a multipart/form-data part with a file name, or as the raw body with ?fileName=.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var grain = cluster.GetGrain<IArtifactsGrain>(org!.Value);
        var ticket = await grain.BeginUploadAsync(file!.FileName);
        var written = file.Length > ticket.MaxBytes ? null : await writer.WriteAsync(ticket.UploadUrl, file.Body, ticket.MaxBytes, cancellationToken);
        if (written is null)
        {
            throw new MolDashException(ErrorKind.PayloadTooLarge, $"The file is larger than {ticket.MaxBytes} bytes: {ticket.LimitReason}");
        }

        var artifact = await grain.CompleteUploadAsync(ticket.UploadId, file.FileName, file.Format);
        return artifact.Duplicate
            ? TypedResults.Ok(artifact)
            : TypedResults.Created($"/api/v1/artifacts/{artifact.Id}{(orgId is null ? "" : $"?orgId={orgId}")}", artifact);
    }

    private static async Task<IResult> ListAsync(
        ClaimsPrincipal user, IClusterClient cluster, Guid? orgId, Guid? jobId, string? format, string? after, int? limit)
    {
        var validation = new RequestValidation();
        if (RequestOrg.Resolve(user, orgId, validation) is not { } org)
        {
            return validation.ToProblem();
        }

        var query = new ArtifactQuery(jobId, string.IsNullOrWhiteSpace(format) ? null : format.Trim());
        return TypedResults.Ok(await cluster.GetGrain<IArtifactsGrain>(org).ListAsync(query, after, limit ?? DefaultPageSize));
    }

    private static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId)
    {
        var validation = new RequestValidation();
        return RequestOrg.Resolve(user, orgId, validation) is { } org
            ? TypedResults.Ok(await cluster.GetGrain<IArtifactsGrain>(org).GetAsync(id))
            : validation.ToProblem();
    }

    private static async Task<IResult> DownloadAsync(Guid id, ClaimsPrincipal user, IClusterClient cluster, Guid? orgId)
    {
        var validation = new RequestValidation();
        return RequestOrg.Resolve(user, orgId, validation) is { } org
            ? TypedResults.Ok(await cluster.GetGrain<IArtifactsGrain>(org).GetDownloadAsync(id))
            : validation.ToProblem();
    }
}

using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Prescriptions.Application.Prescriptions;
using Prescriptions.Application.Worklist;
using Prescriptions.Domain.Worklist;
using Prescriptions.Storage.Prescriptions;

namespace Prescriptions.Storage.Worklist;

/// <summary>
/// The clinic's worklist over the rows <see cref="WorklistRows"/> keeps: a page is one range query of the filter's own rows
/// (<c>workattn|</c>, <c>workpt|{patient}|</c>, <c>workst|{status}|</c> or <c>work|</c>), never a partition scan.
/// </summary>
public sealed class TableWorklist(TableServiceClient tables, IOptions<PrescriptionStorageOptions> options) : IWorklist
{
    private readonly TableClient table = tables.GetTableClient(options.Value.TableName);
    private readonly TableProvisioning provisioning = new(tables.GetTableClient(options.Value.TableName));

    public Task<ResultPage<WorklistSummary>> ListAsync(string clinicId, WorklistFilter filter, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (prefix, also) = filter switch
        {
            { AttentionOnly: true, PatientId: { } patientId } => (ClinicPartitionLayout.WorklistAttentionPrefix, TableClient.CreateQueryFilter($"PatientId eq {patientId}")),
            { AttentionOnly: true } => (ClinicPartitionLayout.WorklistAttentionPrefix, null),
            { PatientId: { } patientId, Status: { } status } => (ClinicPartitionLayout.WorklistPatientPrefix(patientId), TableClient.CreateQueryFilter($"Status eq {status.ToString().ToLowerInvariant()}")),
            { PatientId: { } patientId } => (ClinicPartitionLayout.WorklistPatientPrefix(patientId), null),
            { Status: { } status } => (ClinicPartitionLayout.WorklistStatusPrefix(status), null),
            _ => (ClinicPartitionLayout.WorklistPrefix, (string?)null),
        };
        return StorageCall.RunAsync(provisioning, () => TablePages.ReadAsync<WorklistSummary>(table, clinicId, prefix, also, pageSize, continuationToken, cancellationToken), cancellationToken);
    }
}

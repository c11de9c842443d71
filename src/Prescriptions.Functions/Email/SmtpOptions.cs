using System.ComponentModel.DataAnnotations;

namespace Prescriptions.Functions.Email;

/// <summary>The SMTP relay (section Smtp). The password comes from Key Vault in Azure, from local settings elsewhere.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 1025;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? User { get; set; }

    public string? Password { get; set; }

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "no-reply@prescriptions.localhost";

    public string FromName { get; set; } = "Your physiotherapy programme";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

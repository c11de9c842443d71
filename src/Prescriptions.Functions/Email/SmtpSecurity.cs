namespace Prescriptions.Functions.Email;

public enum SmtpSecurity
{
    /// <summary>Plain SMTP: only for a local test server such as maildev.</summary>
    None,

    /// <summary>Upgrade with STARTTLS (port 587), required.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

namespace Prescriptions.LocalHost;

/// <summary>problem+json answers that never carry exception details (those go to the log only).</summary>
internal static class Problems
{
    public const string UnexpectedErrorTitle = "An unexpected error occurred.";

    public static Task WriteAsync(HttpContext context, int status, string title, string? detail = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);

    public static Task WriteUnexpectedErrorAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status500InternalServerError, UnexpectedErrorTitle);
}

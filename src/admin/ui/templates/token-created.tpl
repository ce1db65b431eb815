{{%AUTOESCAPE context="HTML"}}<section class="nr-form-page">
<p><a href="/admin/profile/">← Your profile</a></p>
<h1>API token “{{TOKEN_NAME}}”</h1>
<p>Your new token is:</p>
<p><code class="nr-secret">{{TOKEN}}</code></p>
<p class="nr-form-error">This is the only time the token is shown: the newsroom keeps only a hash of it. Copy it now into the script's configuration, and keep it as secret as a password.</p>
<p class="nr-hint">The script sends it with each call: <code>Authorization: Bearer &lt;token&gt;</code>.</p>
<p><a href="/admin/profile/">Back to your profile</a></p>
</section>

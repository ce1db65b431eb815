{{%AUTOESCAPE context="HTML"}}<section class="nr-form-page">
<p><a href="/admin/users/">← Users</a></p>
<h1>{{HEADING}}</h1>
<p>{{INTRO}}</p>
<p><code class="nr-secret">{{PASSWORD}}</code></p>
<p class="nr-form-error">This is the only time the password is shown: the newsroom keeps only a hash of it. Hand it over in person or through a channel only {{DISPLAY_NAME}} can read; they can change it on their profile after signing in.</p>
<p><a href="{{EDIT_URL}}">Back to the account</a></p>
</section>

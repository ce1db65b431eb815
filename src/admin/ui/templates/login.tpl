{{%AUTOESCAPE context="HTML"}}<section class="nr-narrow">
<h1>Sign in</h1>
{{#ERROR}}<p class="nr-form-error" role="alert">{{ERROR}}</p>{{/ERROR}}
<form method="post" action="/admin/login" class="nr-form">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="{{EMAIL}}" autofocus>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit" class="nr-button nr-primary">Sign in</button>
</form>
</section>

import { Text, View } from '@tarojs/components';
import { PRIVACY_TERMS } from '../../privacy-terms';
import '../../member.scss';

export default function TermsPage() {
  return (
    <View className="member-page terms-page">
      <View className="panel">
        <Text className="terms-page__title">{PRIVACY_TERMS.title}</Text>
        <Text className="terms-page__version">版本 {PRIVACY_TERMS.version}</Text>
        {PRIVACY_TERMS.sections.map((section) => (
          <View className="terms-page__section" key={section.heading}>
            <Text className="terms-page__heading">{section.heading}</Text>
            <Text className="terms-page__body">{section.body}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
